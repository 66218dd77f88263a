import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../../lib/core/text/types";
import { prisma } from "../../lib/infra/db/client";
import { stopBoss } from "../../lib/server/jobs/boss";
import { startWorkers, type Workers } from "../../lib/server/jobs/start-workers";
import { listImportJobsOp } from "../../lib/server/import/ocr/list-import-jobs";
import { uploadDocumentOp } from "../../lib/server/import/ocr/upload-document";
import { makeWorld } from "../support/factories";
import { makePdf } from "../support/fixtures";
import { makeScannedPdf, SCAN_PAGES } from "../support/scanned-pdf";

/** Share of the expected characters (whitespace aside) found in order in the text: a tolerant match for OCR. */
function overlap(expected: string, text: string): number {
  const a = [...expected.replace(/\s/g, "")];
  const b = [...text.replace(/\s/g, "")];
  // Longest common subsequence, rolling rows.
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = ca === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]! / a.length;
}

let workers: Workers;
beforeAll(async () => {
  workers = await startWorkers({ pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await workers.stop(10_000);
  await stopBoss();
});

async function waitForJob(id: string, seen: number[], timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await prisma.importJob.findUniqueOrThrow({ where: { id } });
    seen.push(job.pagesDone);
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("import of scanned PDFs (OCR job on pg-boss)", () => {
  it("queues the upload, reads each page with progress, and creates a document whose blocks are marked OCR", async () => {
    const w = await makeWorld();
    const r = await uploadDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName: "scan.pdf", bytes: await makeScannedPdf() });
    if (!("job" in r)) throw new Error("a scanned PDF must become a job");
    expect(r.job).toMatchObject({ status: "queued", pagesTotal: 2, pagesDone: 0 });
    const seen: number[] = [];
    const job = await waitForJob(r.job.id, seen);
    expect(job).toMatchObject({ status: "done", pagesDone: 2, pagesTotal: 2, source: null, error: null });
    // Progress moved page by page: never backwards, and the state after the first page was seen.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toContain(1);

    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: job.documentId! } });
    for (const line of SCAN_PAGES.flat()) expect(overlap(line, v.text), line).toBeGreaterThanOrEqual(0.8);
    const blocks = v.blocks as unknown as Block[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((b) => b.ocr && b.ocr.confidence > 50 && b.ocr.confidence <= 100)).toBe(true);
    expect(new Set(blocks.map((b) => b.page))).toEqual(new Set([1, 2]));

    // Members see the job with its document; outsiders do not.
    const listed = await listImportJobsOp.execute(w.members.viewer, { workspaceId: w.workspace.id });
    expect(listed.find((j) => j.id === r.job.id)).toMatchObject({ status: "done", documentId: job.documentId, pagesDone: 2 });
    await expect(listImportJobsOp.execute(w.outsider, { workspaceId: w.workspace.id })).rejects.toMatchObject({ code: "not_found" });
  }, 300_000);

  it("keeps the text layer of typeset pages and reads only the scanned one (vertical Japanese)", async () => {
    const w = await makeWorld();
    const vertical = ["日米同盟は地域の安全保障の礎である。", "拡大抑止の信頼性を高める。"];
    const bytes = await makeScannedPdf([{ text: true, lines: ["本文のある頁です。"] }, { lines: vertical, vertical: true }]);
    const r = await uploadDocumentOp.execute(w.members.owner, { workspaceId: w.workspace.id, fileName: "mixed.pdf", bytes });
    if (!("job" in r)) throw new Error("a PDF with a scanned page must become a job");
    expect(r.job.pagesTotal).toBe(1);
    const job = await waitForJob(r.job.id, []);
    expect(job.status).toBe("done");
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: job.documentId! } });
    expect(v.text).toContain("本文のある頁です。");
    expect(overlap(vertical.join(""), v.text)).toBeGreaterThanOrEqual(0.8);
    const blocks = v.blocks as unknown as Block[];
    expect(blocks.filter((b) => b.page === 1).every((b) => !b.ocr)).toBe(true);
    expect(blocks.filter((b) => b.page === 2).every((b) => b.ocr)).toBe(true);
  }, 300_000);

  it("imports a PDF with a text layer at once, without a job", async () => {
    const w = await makeWorld();
    const r = await uploadDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName: "typeset.pdf", bytes: await makePdf() });
    expect("job" in r).toBe(false);
  });
});
