import type { CollabDocRef } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import type { Flag } from "./flags";
import { projectAnnotations } from "./project-annotations";
import { projectReplies } from "./project-replies";
import { projectWorkspace } from "./project-workspace";
import { reconcileLinks } from "./reconcile-links";
import type { DocSnapshot } from "./snapshot";
import { lockSearch } from "../../../server/search/write-chunks";
import type { ProjectionActivity } from "./activity-options";

export interface ProjectionSummary {
  stored: number;
  flagged: number;
}

/**
 * Replaces the projection of one Y.Doc, inside the caller's transaction: the relational rows
 * for its valid entries, and a ProjectionFlag row for every entry refused. With `activity`, what
 * changed is also recorded in the activity log (activity-options.ts); every caller passes it —
 * the live store with its editors, re-projections without — so a change is recorded by whichever
 * projection first sees it, and by no later one (only changed rows make events).
 */
export async function projectDocument(tx: Prisma.TransactionClient, name: string, ref: CollabDocRef, snapshot: DocSnapshot, activity?: ProjectionActivity): Promise<ProjectionSummary> {
  let result: { stored: number; flags: Flag[] };
  // A link is projected only when both its ends are: the meta doc's store checks the annotation
  // rows, an annotations doc's store re-reads the meta doc's links. Run concurrently, each could
  // miss the other's uncommitted rows and the link would stay out until the next change; one
  // lock per workspace makes the second of them see the first's commit.
  if (ref.kind === "annotations" || ref.kind === "meta") {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`synoptic:links:${ref.workspaceId}`}, 0))`;
  }
  // Before any row changes: a search index rebuild (exclusive) then never waits on our rows while we wait on it.
  if (ref.kind === "annotations" || ref.kind === "discussion") await lockSearch(tx, ref.workspaceId);
  if (ref.kind === "annotations" && snapshot.kind === "annotations") {
    result = await projectAnnotations(tx, name, ref, snapshot, activity);
    // Annotations may have gone (or come back): links to them follow in this transaction.
    await reconcileLinks(tx, ref.workspaceId, activity);
  } else if (ref.kind === "discussion" && snapshot.kind === "discussion") result = await projectReplies(tx, name, ref, snapshot, activity);
  else if (ref.kind === "meta" && snapshot.kind === "meta") result = await projectWorkspace(tx, ref, snapshot, activity);
  else throw new Error(`snapshot of kind ${snapshot.kind} does not fit ${name}`);

  await tx.projectionFlag.deleteMany({ where: { collabName: name } });
  if (result.flags.length) {
    await tx.projectionFlag.createMany({
      data: result.flags.slice(0, 1000).map((f) => ({
        workspaceId: ref.workspaceId,
        collabName: name,
        entryKind: f.entryKind,
        entryId: f.entryId,
        reason: f.reason,
        detail: (f.detail ?? {}) as Prisma.InputJsonValue,
      })),
    });
  }
  return { stored: result.stored, flagged: result.flags.length };
}
