/**
 * A job survives its worker: a real worker process (`npm run worker`) is killed (SIGKILL) in the
 * middle of a re-anchoring job; a new worker process picks the job up once the heartbeat is
 * missed, carries on from the last stored batch, and the job completes with every annotation
 * placed exactly once.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { importDocumentOp, importVersionOp } from "../../lib/server/import/import-document";
import { stopBoss } from "../../lib/server/jobs/boss";
import { annotate, makeWorld, startCollabForExport, type Paper } from "../export/support";

const ANNOTATIONS = 1_200;
const SENTENCES = Array.from({ length: ANNOTATIONS }, (_, i) => `第${i + 1}項：同盟の抑止力について検討した記録である。`);
const V1 = SENTENCES.join("\n\n");
const V2 = `改訂版の序文。\n\n${V1}`;

let server: CollabServer;
const children = new Set<ChildProcess>();

/** Starts `npm run worker` as its own process, against this run's database. */
function startWorker(): ChildProcess {
  const child = spawn("npm", ["run", "--silent", "worker"], {
    env: { ...process.env, REANCHOR_BATCH: "20", JOBS_SUPERVISE_SECONDS: "2", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Kills a worker's process group (npm, tsx and node) at once, as a crash would. */
function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    try {
      process.kill(-child.pid!, signal);
    } catch {
      resolve();
    }
  });
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

beforeAll(async () => {
  server = await startCollabForExport();
}, 60_000);

afterAll(async () => {
  for (const c of [...children]) await kill(c, "SIGKILL");
  await stopBoss();
  await server?.destroy();
});

describe("a job survives a worker restart", () => {
  it("completes on a new worker after the first one is killed mid-job", async () => {
    const world = await makeWorld();
    const doc = await importDocumentOp.execute(world.members.owner, { workspaceId: world.workspace.id, fileName: "many.txt", bytes: new TextEncoder().encode(V1) });
    const v1 = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
    const paper: Paper = { id: doc.id, versionId: v1.id, text: v1.text, title: doc.title };
    await annotate(world, paper, SENTENCES.map((s) => ({ quote: s })));
    await until(() => prisma.annotation.count({ where: { documentId: doc.id } }), (n) => n === ANNOTATIONS, 60_000);

    const r = await importVersionOp.execute(world.members.owner, { workspaceId: world.workspace.id, documentId: doc.id, fileName: "many-v2.txt", bytes: new TextEncoder().encode(V2) });
    const jobId = r.reanchorJobId!;
    const read = () => prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });

    const first = startWorker();
    const midway = await until(read, (j) => j.pagesDone > 0, 120_000);
    await kill(first, "SIGKILL");
    expect(midway.status).toBe("running");
    const atKill = (await read()).pagesDone;
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(ANNOTATIONS);

    startWorker();
    const done = await until(read, (j) => j.status === "done" || j.status === "failed", 180_000);
    expect(done).toMatchObject({ status: "done", pagesDone: ANNOTATIONS, result: { moved: ANNOTATIONS, exact: 0, changed: 0, orphan: 0 } });
    expect(await prisma.annotationPlacement.count({ where: { versionId: r.versionId } })).toBe(ANNOTATIONS);
  }, 360_000);
});
