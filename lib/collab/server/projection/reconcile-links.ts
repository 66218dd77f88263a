/**
 * After a document's annotations are projected, the workspace's links are projected again from
 * the meta doc's stored state (plus its update log, so nothing acknowledged is missed): a link
 * to an annotation that was just deleted leaves the Link table in the same transaction, and
 * comes back when the annotation does (undo). Only the link flags of the meta doc are replaced.
 */
import * as Y from "yjs";
import { metaDocName } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { linksMap, nodesMap } from "../../model/structure";
import type { ProjectionActivity } from "./activity-options";
import { projectLinks } from "./project-links";

export async function reconcileLinks(tx: Prisma.TransactionClient, workspaceId: string, activity?: ProjectionActivity): Promise<void> {
  const name = metaDocName(workspaceId);
  const stored = await tx.collabDocument.findUnique({ where: { name }, select: { state: true } });
  const updates = await tx.collabUpdate.findMany({ where: { name }, orderBy: { id: "asc" }, select: { update: true } });
  if ((!stored || stored.state.length === 0) && updates.length === 0) {
    // No meta doc yet: there are no links to reconcile, only rows a rebuild might have left.
    await tx.link.deleteMany({ where: { workspaceId } });
    return;
  }
  const doc = new Y.Doc();
  try {
    if (stored && stored.state.length > 0) Y.applyUpdate(doc, stored.state);
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, u.update);
      } catch {
        // An unreadable row is skipped here as in load-state.ts; the meta doc's own store logs it.
      }
    }
    const result = await projectLinks(tx, workspaceId, { links: [...linksMap(doc).entries()], nodes: [...nodesMap(doc).entries()] }, activity);
    await tx.projectionFlag.deleteMany({ where: { collabName: name, entryKind: "link" } });
    if (result.flags.length) {
      await tx.projectionFlag.createMany({
        data: result.flags.slice(0, 1000).map((f) => ({ workspaceId, collabName: name, entryKind: f.entryKind, entryId: f.entryId, reason: f.reason, detail: (f.detail ?? {}) as Prisma.InputJsonValue })),
      });
    }
  } finally {
    doc.destroy();
  }
}
