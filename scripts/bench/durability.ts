/**
 * Durability benchmark: 10 clients write annotations while the collab process (a child, exactly
 * what `npm start` runs) is killed with SIGKILL, restarted on the same port and reconnected to.
 *
 * - durability_lost_annotations: annotations any client created that are missing from the
 *   database (projection) once everything has reconnected and settled. Target 0.
 * - durability_lost_acknowledged: the harder case: the clients die with the server, so nobody
 *   can resync; counts updates the server had acknowledged that are missing after the restart.
 *   Baseline: the same run with the append log off (debounced stores only).
 */
import { randomBytes } from "node:crypto";
import { openCollabDoc, type CollabDocHandle } from "../../lib/collab/client/connect";
import { mintConnectionToken } from "../../lib/collab/auth/token";
import { annotationsDocName, buildAnchor, checkAnchor, createAnnotation } from "../../lib/collab/model";
import { freePort } from "../../lib/infra/db/embedded";
import { startChildCollab } from "../../tests/collab/support/child-server";
import type { BenchResult } from "../bench";
import { DEMO_TEXT, makeBenchWorld, type BenchWorld } from "./_collab-world";

const WRITERS = 10;
const ORIGIN = "http://localhost:3000";

function writeOne(h: CollabDocHandle, world: BenchWorld, i: number): string {
  let at = (i * 53) % (DEMO_TEXT.length - 20);
  while (checkAnchor(DEMO_TEXT, buildAnchor(DEMO_TEXT, world.versionId, at, at + 6))) at++;
  return createAnnotation(h.doc, { anchor: buildAnchor(DEMO_TEXT, world.versionId, at, at + 6), colour: "#993300" }, world.editor, new Date()).id;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function projectedIds(name: string): Promise<Set<string>> {
  const { prisma } = await import("../../lib/infra/db/client");
  return new Set((await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).map((r) => r.id));
}

/** One kill -9 scenario; returns how many of the annotations that must survive are missing. */
async function scenario(world: BenchWorld, secret: string, opts: { resync: boolean; appendLog: boolean }): Promise<{ lost: number; total: number }> {
  const { prisma } = await import("../../lib/infra/db/client");
  // Every scenario starts from an empty document (the bench paper's, so anchors validate).
  const name = annotationsDocName(world.workspaceId, world.documentId);
  await prisma.annotation.deleteMany({ where: { collabName: name } });
  await prisma.collabDocument.deleteMany({ where: { name } });
  await prisma.collabUpdate.deleteMany({ where: { name } });
  const port = await freePort();
  const start = () =>
    startChildCollab({ port, databaseUrl: world.db.url, secret, origin: ORIGIN, env: { COLLAB_APPEND_LOG: opts.appendLog ? "1" : "0", COLLAB_DEBOUNCE_MS: "2000", COLLAB_MAX_DEBOUNCE_MS: "10000" } });
  let child = await start();
  const token = () => mintConnectionToken({ userId: world.editor.id, kind: "browser", sessionVersion: 0, secret });
  const handles = Array.from({ length: WRITERS }, () => openCollabDoc({ url: child.url, name, token, origin: ORIGIN }));
  const created: string[][] = handles.map(() => []);
  try {
    await Promise.all(handles.map((h) => h.ready));
    let writing = true;
    let n = 0;
    const loop = (async () => {
      while (writing) {
        handles.forEach((h, i) => created[i]!.push(writeOne(h, world, n++)));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 1500));
    // Acknowledged so far, per client: acks arrive in order, so the first (sent − unacknowledged).
    const acknowledged = handles.flatMap((h, i) => created[i]!.slice(0, created[i]!.length - h.provider.unsyncedChanges));
    await child.kill("SIGKILL");
    if (!opts.resync) {
      writing = false;
      await loop;
      for (const h of handles) h.destroy();
      child = await start();
      const reader = openCollabDoc({ url: child.url, name, token, origin: ORIGIN });
      await reader.ready;
      await new Promise((r) => setTimeout(r, 500)); // recovery store, if there is anything to recover
      const inDb = await projectedIds(name);
      reader.destroy();
      await child.kill("SIGTERM");
      return { lost: acknowledged.filter((id) => !inDb.has(id)).length, total: acknowledged.length };
    }
    await new Promise((r) => setTimeout(r, 500));
    child = await start();
    await new Promise((r) => setTimeout(r, 1000));
    writing = false;
    await loop;
    await until(() => handles.every((h) => h.provider.isSynced && h.settled()), 30_000, "clients settled");
    const all = created.flat();
    await until(async () => (await projectedIds(name)).size >= all.length, 20_000, "projection caught up").catch(() => {});
    const inDb = await projectedIds(name);
    await child.kill("SIGTERM");
    return { lost: all.filter((id) => !inDb.has(id)).length, total: all.length };
  } finally {
    for (const h of handles) h.destroy();
    await child.kill("SIGKILL");
  }
}

export async function run(): Promise<BenchResult[]> {
  const world = await makeBenchWorld("bench-durability");
  const secret = randomBytes(32).toString("base64url");
  try {
    const withResync = await scenario(world, secret, { resync: true, appendLog: true });
    const resyncNoLog = await scenario(world, secret, { resync: true, appendLog: false });
    const acked = await scenario(world, secret, { resync: false, appendLog: true });
    const ackedNoLog = await scenario(world, secret, { resync: false, appendLog: false });
    return [
      { metric: "durability_lost_annotations", value: withResync.lost, unit: "annotations", target: 0, baseline: resyncNoLog.lost, ratio: withResync.lost / Math.max(1, resyncNoLog.lost) },
      { metric: "durability_lost_acknowledged", value: acked.lost, unit: "annotations", target: 0, baseline: ackedNoLog.lost, ratio: acked.lost / Math.max(1, ackedNoLog.lost) },
      { metric: "durability_annotations_written", value: withResync.total, unit: "annotations", target: 0, baseline: acked.total, ratio: 1 },
    ];
  } finally {
    await world.dispose();
  }
}
