/**
 * The one writer of the activity log. Called inside the transaction of the change it records
 * (an operation's, or a projection store's), so an event exists exactly when its change was
 * committed. A `key` makes the insert idempotent per workspace: the projection may see one change
 * again (another collab instance, a re-projection, a catch-up read) and the second insert is
 * dropped by the unique index instead of doubling the event.
 */
import type { ActivityKind } from "../../core/activity/kinds";
import { linkIdOfGuest } from "../../core/review";
import { Prisma } from "../../generated/prisma/client";

export interface ActivityInput {
  workspaceId: string;
  /** Null for changes nobody in particular made (system jobs). */
  actorId: string | null;
  kind: ActivityKind;
  documentId?: string | null;
  annotationId?: string | null;
  /** What else the event is about (a user for member events, an invitation, a share link…). */
  targetType?: string | null;
  targetId?: string | null;
  /** Small JSON for display: `quote` (passage excerpt), `themeId`, `from`/`to`, names… */
  data?: Record<string, unknown>;
  /** Idempotency key, unique per workspace (e.g. `reply.create:<replyId>`). */
  key?: string | null;
  at: Date;
}

/** Channel of `pg_notify` on every commit that adds activity (payload: the workspace id). */
export const ACTIVITY_CHANNEL = "synoptic_activity";

/**
 * Appends one event. Returns its id, or null when an event with the same key was already
 * recorded. Wakes live feeds through `pg_notify`, which PostgreSQL delivers on commit only.
 */
export async function recordActivity(tx: Prisma.TransactionClient, event: ActivityInput): Promise<bigint | null> {
  const ids = await recordActivities(tx, [event]);
  return ids[0] ?? null;
}

/**
 * Appends many events in one statement (the projection's batch). Returns the ids of those
 * inserted (events whose key was already recorded are skipped).
 */
export async function recordActivities(tx: Prisma.TransactionClient, events: readonly ActivityInput[]): Promise<bigint[]> {
  if (events.length === 0) return [];
  const rows = events.map(asStoredActor).map(
    (e) => Prisma.sql`(${e.workspaceId}, ${e.actorId}, ${e.kind}, ${e.targetType ?? null}, ${e.targetId ?? null}, ${e.documentId ?? null},
      ${e.annotationId ?? null}, ${e.key ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb, ${e.at}, ${e.at})`,
  );
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "ActivityEvent" ("workspaceId", "actorId", "kind", "targetType", "targetId", "documentId", "annotationId", "key", "data", "createdAt", "updatedAt")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("workspaceId", "key") DO NOTHING
    RETURNING "id"`;
  if (inserted.length) {
    for (const ws of new Set(events.map((e) => e.workspaceId))) await tx.$executeRaw`SELECT pg_notify(${ACTIVITY_CHANNEL}, ${ws})`;
  }
  return inserted.map((r) => BigInt(r.id));
}

/**
 * A share link's guest (`guest:<linkId>`, see lib/core/review) is no user row: the event keeps
 * no actor (the column references User) and names the link in its data instead.
 */
export function asStoredActor<T extends { actorId?: string | null; data?: Record<string, unknown> }>(e: T): T {
  const linkId = e.actorId ? linkIdOfGuest(e.actorId) : null;
  return linkId ? { ...e, actorId: null, data: { ...e.data, guestLinkId: linkId } } : e;
}
