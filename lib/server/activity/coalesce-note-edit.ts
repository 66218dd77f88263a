/**
 * Note edits arrive as a stream (a store every few seconds while someone types): one event per
 * store would bury the feed. An edit within NOTE_EDIT_BURST_MS of the same person's last edit
 * event of the same note extends that event (count, updatedAt, latest excerpt) instead.
 */
import { NOTE_EDIT_BURST_MS } from "../../core/activity/kinds";
import type { Prisma } from "../../generated/prisma/client";
import { recordActivity, type ActivityInput } from "./record-activity";

export async function recordNoteEdit(tx: Prisma.TransactionClient, event: Omit<ActivityInput, "kind" | "key">): Promise<void> {
  if (!event.annotationId) throw new Error("a note edit names its annotation");
  const since = new Date(event.at.getTime() - NOTE_EDIT_BURST_MS);
  // One row per burst: the burst's latest event is found by the (workspaceId, annotationId) index.
  const extended = await tx.$executeRaw`
    UPDATE "ActivityEvent" SET "count" = "count" + 1, "updatedAt" = GREATEST("updatedAt", ${event.at}),
      "data" = "data" || ${JSON.stringify(event.data ?? {})}::jsonb
    WHERE "id" = (
      SELECT "id" FROM "ActivityEvent"
      WHERE "workspaceId" = ${event.workspaceId} AND "annotationId" = ${event.annotationId} AND "kind" = 'note.edit'
        AND "actorId" IS NOT DISTINCT FROM ${event.actorId} AND "updatedAt" >= ${since}
      ORDER BY "id" DESC LIMIT 1)`;
  if (extended === 0) await recordActivity(tx, { ...event, kind: "note.edit" });
}
