import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { stopBoss } from "../../lib/server/jobs/boss";
import { startWorkers } from "../../lib/server/jobs/start-workers";
import { uploadDocumentOp } from "../../lib/server/import/ocr/upload-document";
import { makeWorld } from "../support/factories";
import { makeScannedPdf } from "../support/scanned-pdf";

afterAll(async () => {
  await stopBoss();
});

describe("the job queue is durable", () => {
  it("runs a job queued while no worker was running once a worker starts", async () => {
    const w = await makeWorld();
    const r = await uploadDocumentOp.execute(w.members.owner, { workspaceId: w.workspace.id, fileName: "later.pdf", bytes: await makeScannedPdf([{ lines: ["Extended deterrence"] }]) });
    if (!("job" in r)) throw new Error("a scanned PDF must become a job");
    await new Promise((res) => setTimeout(res, 1500));
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: r.job.id } })).toMatchObject({ status: "queued", pagesDone: 0 });

    const workers = await startWorkers({ pollingIntervalSeconds: 0.5 });
    try {
      const deadline = Date.now() + 240_000;
      let job = await prisma.importJob.findUniqueOrThrow({ where: { id: r.job.id } });
      while (job.status !== "done" && job.status !== "failed" && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 250));
        job = await prisma.importJob.findUniqueOrThrow({ where: { id: r.job.id } });
      }
      expect(job).toMatchObject({ status: "done", pagesDone: 1 });
      const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: job.documentId! } });
      expect(v.text).toMatch(/Extended\s+deterrence/);
    } finally {
      await workers.stop(10_000);
    }
  }, 300_000);
});
