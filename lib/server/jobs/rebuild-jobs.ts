/**
 * Rebuilds as durable jobs: the relational projection of a workspace (from its stored Yjs
 * states) and its search index. Each is an ImportJob row (kind `projection` / `search`) with
 * progress in documents, and a pg-boss job carrying its id, so a rebuild survives the process
 * that asked for it and is retried when its worker dies. Both rebuilds are idempotent: a retry
 * simply runs again.
 */
import { rebuildProjection } from "../../collab/server/rebuild-projection";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";
import { rebuildSearchIndex } from "../search/rebuild-index";
import type { HandlerMeta } from "./handlers";
import { sendJob } from "./send-job";

const log = logger("jobs");

export type RebuildKind = "projection" | "search";

/** Queues a rebuild of one workspace; returns the ImportJob id to watch. */
export async function queueRebuild(kind: RebuildKind, workspaceId: string, actorId: string | null): Promise<string> {
  const job = await prisma.importJob.create({ data: { workspaceId, createdById: actorId, kind, fileName: kind, pagesTotal: 1 }, select: { id: true } });
  await sendJob(kind === "projection" ? "rebuild.projection" : "rebuild.search", { importJobId: job.id });
  return job.id;
}

export async function runRebuildJob(importJobId: string, meta: HandlerMeta = { lastAttempt: true }): Promise<void> {
  const job = await prisma.importJob.findUnique({ where: { id: importJobId } });
  if (!job || job.status === "done" || job.status === "failed") return;
  const context = { importJobId, workspaceId: job.workspaceId, kind: job.kind };
  const progress = (done: number, total: number) => prisma.importJob.update({ where: { id: importJobId }, data: { pagesDone: done, pagesTotal: total } }).then(() => undefined);
  try {
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "running", pagesDone: 0, error: null } });
    let result: Record<string, number>;
    if (job.kind === "projection") result = { ...(await rebuildProjection({ workspaceId: job.workspaceId, onProgress: progress })) };
    else {
      // One transaction (the index is swapped whole under the workspace's exclusive search lock).
      result = { rows: await rebuildSearchIndex(job.workspaceId) };
      await progress(1, 1);
    }
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "done", result, finishedAt: new Date() } });
    log.info({ ...context, ...result }, "rebuild done");
  } catch (e) {
    log.error({ ...context, err: e, lastAttempt: meta.lastAttempt }, "rebuild failed");
    await prisma.importJob.update({ where: { id: importJobId }, data: meta.lastAttempt ? { status: "failed", error: "rebuild_failed", finishedAt: new Date() } : { status: "queued" } });
    if (!meta.lastAttempt) throw e;
  }
}
