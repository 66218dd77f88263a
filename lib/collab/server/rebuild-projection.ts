/**
 * Rebuilds the relational projection from the stored Yjs states (plus any log rows not yet
 * compacted), for one workspace or all. The state itself is not rewritten and the log is left
 * alone: this only re-derives the read tables, under the same row lock as a store.
 */
import * as Y from "yjs";
import { parseDocName } from "../../core/collab";
import { prisma } from "../../server/db/client";
import { logger } from "../../server/log";
import { loadStoredState } from "./persistence/load-state";
import { projectDocument } from "./projection/project-document";
import { snapshotEntries } from "./projection/snapshot";

const log = logger("collab.rebuild");

export interface RebuildSummary {
  documents: number;
  stored: number;
  flagged: number;
}

export async function rebuildProjection(opts: { workspaceId?: string } = {}): Promise<RebuildSummary> {
  const names = await prisma.collabDocument.findMany({ where: opts.workspaceId ? { workspaceId: opts.workspaceId } : {}, select: { name: true }, orderBy: { name: "asc" } });
  const summary: RebuildSummary = { documents: 0, stored: 0, flagged: 0 };
  for (const { name } of names) {
    const ref = parseDocName(name);
    if (!ref) {
      log.warn({ documentName: name }, "skipped a stored state with an unknown name");
      continue;
    }
    const doc = new Y.Doc();
    try {
      await loadStoredState(name, doc);
      const snapshot = snapshotEntries(ref, doc);
      const result = await prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT "name" FROM "CollabDocument" WHERE "name" = ${name} FOR UPDATE`;
          return projectDocument(tx, name, ref, snapshot);
        },
        { timeout: 60_000 },
      );
      summary.documents++;
      summary.stored += result.stored;
      summary.flagged += result.flagged;
    } finally {
      doc.destroy();
    }
  }
  log.info(summary, "projection rebuilt");
  return summary;
}
