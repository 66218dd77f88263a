/**
 * Queues the re-anchoring of a document's annotations into a version just imported: an
 * ImportJob row (kind `reanchor`) that the import panel polls for progress, and a pg-boss job
 * carrying its id. One job per version: asking again returns the job already there.
 */
import { catchUpProjection } from "../../collab/server/persistence/project-current";
import { prisma } from "../../infra/db/client";
import { sendJob } from "../jobs/send-job";
import { logger } from "../../infra/log";

const log = logger("anchors");

export async function queueReanchor(p: { workspaceId: string; documentId: string; versionId: string; actorId: string | null; title: string }): Promise<string | null> {
  // Annotations still in the collab append log (the last seconds of edits) are projected first, so they count.
  await catchUpProjection(p.workspaceId);
  const total = await prisma.annotation.count({ where: { documentId: p.documentId, versionId: { not: p.versionId } } });
  if (total === 0) return null;
  const existing = await prisma.importJob.findFirst({ where: { kind: "reanchor", versionId: p.versionId, status: { not: "failed" } }, select: { id: true } });
  if (existing) return existing.id;
  const job = await prisma.importJob.create({
    data: { workspaceId: p.workspaceId, createdById: p.actorId, kind: "reanchor", fileName: p.title, documentId: p.documentId, versionId: p.versionId, pagesTotal: total },
    select: { id: true },
  });
  try {
    await sendJob("anchors.reanchor", { importJobId: job.id });
  } catch (err) {
    // The version is imported either way; panes place what has no stored placement themselves.
    log.error({ err, workspaceId: p.workspaceId, documentId: p.documentId, importJobId: job.id }, "re-anchoring could not be queued");
    await prisma.importJob.update({ where: { id: job.id }, data: { status: "failed", error: "reanchor_failed", finishedAt: new Date() } });
  }
  return job.id;
}
