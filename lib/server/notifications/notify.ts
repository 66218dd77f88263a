/**
 * The one writer of the inbox. Called inside the transaction of the change that causes the
 * notification (a reply's projection, an assignment), so it exists exactly when the change does.
 * Nobody is notified of their own action, and nobody who is not a member of the workspace at
 * that moment: a mention of a non-member or of a removed member is dropped here. E-mail follows
 * later (send-notification-mail.ts), which checks membership again at send time.
 */
import type { NotificationKind } from "../../core/activity/kinds";
import type { Prisma } from "../../generated/prisma/client";
import { asStoredActor } from "../activity/record-activity";

export interface NotifyInput {
  userId: string;
  workspaceId: string;
  kind: NotificationKind;
  actorId?: string | null;
  documentId?: string | null;
  annotationId?: string | null;
  /** The activity event this notification is about, when there is one. */
  activityId?: bigint | null;
  /** Small JSON for display: `quote`, `excerpt` (of the note or reply), `documentTitle`, `due`… */
  data?: Record<string, unknown>;
  /** Idempotency key, unique per user (e.g. `mention:<annotationId>`). */
  key?: string | null;
  at: Date;
}

/** Channel of `pg_notify` on every commit that adds or reads notifications (payload: user id). */
export const INBOX_CHANNEL = "synoptic_inbox";

/** Adds a notification. Returns its id, or null when skipped (self, non-member, duplicate key). */
export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<string | null> {
  if (input.actorId && input.actorId === input.userId) return null;
  const n = asStoredActor(input);
  const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: n.workspaceId, userId: n.userId } }, select: { id: true } });
  if (!member) return null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Notification" ("id", "userId", "workspaceId", "kind", "actorId", "documentId", "annotationId", "activityId", "key", "data", "createdAt")
    VALUES (${newId()}, ${n.userId}, ${n.workspaceId}, ${n.kind}, ${n.actorId ?? null}, ${n.documentId ?? null}, ${n.annotationId ?? null},
      ${n.activityId ?? null}, ${n.key ?? null}, ${JSON.stringify(n.data ?? {})}::jsonb, ${n.at})
    ON CONFLICT ("userId", "key") DO NOTHING
    RETURNING "id"`;
  if (!rows[0]) return null;
  await tx.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, ${n.userId})`;
  return rows[0].id;
}

function newId(): string {
  return `n${crypto.randomUUID().replace(/-/g, "")}`;
}
