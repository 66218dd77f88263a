/**
 * Rebuilds the relational projection from the stored Yjs states (plus any log rows not yet
 * compacted), for one workspace or all. The state itself is not rewritten and the log is left
 * alone: this only re-derives the read tables, under the same row lock as a store.
 */
import { parseDocName } from "../../core/collab";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";
import { reprojectDocument } from "./persistence/project-current";

const log = logger("collab.rebuild");

export interface RebuildSummary {
  documents: number;
  stored: number;
  flagged: number;
}

/** `onProgress(done, total)` after each document (the rebuild job's progress). */
export async function rebuildProjection(opts: { workspaceId?: string; onProgress?: (done: number, total: number) => Promise<void> } = {}): Promise<RebuildSummary> {
  const names = await prisma.collabDocument.findMany({ where: opts.workspaceId ? { workspaceId: opts.workspaceId } : {}, select: { name: true }, orderBy: { name: "asc" } });
  const summary: RebuildSummary = { documents: 0, stored: 0, flagged: 0 };
  let done = 0;
  for (const { name } of names) {
    done++;
    await opts.onProgress?.(done - 1, names.length);
    if (!parseDocName(name)) {
      log.warn({ documentName: name }, "skipped a stored state with an unknown name");
      continue;
    }
    const result = await reprojectDocument(name);
    if (!result) continue;
    summary.documents++;
    summary.stored += result.stored;
    summary.flagged += result.flagged;
  }
  await opts.onProgress?.(names.length, names.length);
  log.info(summary, "projection rebuilt");
  return summary;
}
