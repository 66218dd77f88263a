/**
 * The `anchors.reanchor` job: places every annotation of a document made on another version
 * into the version just imported, batch by batch, with progress in its ImportJob row.
 *
 * Safe to retry and to run twice: a batch is the next annotations that have no placement in the
 * version yet, so a worker killed mid-job leaves finished batches stored and the retry carries
 * on from there; a placement row is replaced, never added twice. Each batch takes the lock the
 * projection takes per workspace, so an annotation stored meanwhile is either placed here or by
 * the projection (which places what it stores), never left out or placed from a stale anchor.
 */
import { createPlacer, PLACEMENT_STATUSES, type PlacementStatus } from "../../core/compare";
import { isAppError } from "../../core/errors";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";
import type { HandlerMeta } from "../jobs/handlers";
import { logger } from "../../infra/log";
import { storePlacements } from "./store-placements";

const log = logger("anchors");

/** Annotations placed per transaction: short enough that a live document's store never waits long on the lock. */
export const REANCHOR_BATCH = Number(process.env.REANCHOR_BATCH) || 200;

const SELECT = { id: true, versionId: true, start: true, end: true, exact: true, prefix: true, suffix: true } as const;

export async function runReanchorJob(importJobId: string, meta: HandlerMeta = { lastAttempt: true }, opts: { batch?: number; afterBatch?: () => Promise<void> } = {}): Promise<void> {
  const job = await prisma.importJob.findUnique({ where: { id: importJobId } });
  if (!job || job.kind !== "reanchor" || job.status === "done" || job.status === "failed") return;
  const context = { importJobId, workspaceId: job.workspaceId, documentId: job.documentId, versionId: job.versionId };
  try {
    const version = job.versionId ? await prisma.documentVersion.findUnique({ where: { id: job.versionId }, select: { id: true, documentId: true, text: true } }) : null;
    // The document (and with it the version) was deleted while the job waited: nothing to place.
    if (!version) return await finish(importJobId, {});
    const target = { workspaceId: job.workspaceId, documentId: version.documentId, versionId: version.id, text: version.text };
    const pending: Prisma.AnnotationWhereInput = { documentId: target.documentId, versionId: { not: target.versionId }, placements: { none: { versionId: target.versionId } } };
    const placed = await prisma.annotationPlacement.count({ where: { documentId: target.documentId, versionId: target.versionId } });
    const remaining = await prisma.annotation.count({ where: pending });
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "running", pagesDone: placed, pagesTotal: placed + remaining, error: null } });
    const placer = createPlacer(target.text, target.versionId);
    let done = placed;
    for (;;) {
      const n = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`synoptic:links:${target.workspaceId}`}, 0))`;
        const rows = await tx.annotation.findMany({ where: pending, orderBy: { id: "asc" }, take: opts.batch ?? REANCHOR_BATCH, select: SELECT });
        if (rows.length) await storePlacements(tx, target, rows, new Date(), { placer });
        return rows.length;
      }, { timeout: 120_000, maxWait: 30_000 });
      if (n === 0) break;
      done += n;
      await prisma.importJob.update({ where: { id: importJobId }, data: { pagesDone: done, pagesTotal: { set: Math.max(done, placed + remaining) } } });
      await opts.afterBatch?.();
    }
    const counts = await prisma.annotationPlacement.groupBy({ by: ["status"], where: { documentId: target.documentId, versionId: target.versionId }, _count: { _all: true } });
    const result = Object.fromEntries(PLACEMENT_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count._all ?? 0])) as Record<PlacementStatus, number>;
    await finish(importJobId, result, done);
    log.info({ ...context, ...result }, "annotations re-anchored");
  } catch (e) {
    if (isAppError(e)) return fail(importJobId, e.message);
    log.error({ ...context, err: e, lastAttempt: meta.lastAttempt }, "re-anchoring failed");
    if (meta.lastAttempt) return fail(importJobId, "reanchor_failed");
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "queued" } });
    throw e;
  }
}

async function finish(id: string, result: Partial<Record<PlacementStatus, number>>, done?: number): Promise<void> {
  await prisma.importJob.update({ where: { id }, data: { status: "done", result, ...(done === undefined ? {} : { pagesDone: done, pagesTotal: done }), finishedAt: new Date() } });
}

async function fail(id: string, error: string): Promise<void> {
  await prisma.importJob.update({ where: { id }, data: { status: "failed", error, finishedAt: new Date() } });
}
