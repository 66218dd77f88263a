/**
 * Activity and notifications for new replies: a `reply.create` event (keyed by the reply, so a
 * reply seen twice is recorded once), and a notification to the annotation's author, the author
 * of the reply answered, and every member the reply mentions by `@name`. notify() drops the
 * replier themselves and anyone who is not a member.
 */
import { excerpt } from "../../../core/activity/kinds";
import { findMentions } from "../../../core/activity/mentions";
import type { Prisma } from "../../../generated/prisma/client";
import { recordActivities } from "../../../server/activity/record-activity";
import { notify } from "../../../server/notifications/notify";
import type { ProjectionActivity } from "./activity-options";

export interface NewReply {
  id: string;
  annotationId: string;
  parentId: string | null;
  authorId: string;
  body: string;
}

export async function recordReplyActivity(tx: Prisma.TransactionClient, ref: { workspaceId: string; documentId: string }, replies: readonly NewReply[], activity: ProjectionActivity): Promise<void> {
  if (replies.length === 0) return;
  const { workspaceId, documentId } = ref;
  const at = activity.now;
  const annotations = new Map(
    (await tx.annotation.findMany({ where: { workspaceId, id: { in: [...new Set(replies.map((r) => r.annotationId))] } }, select: { id: true, authorId: true, exact: true } })).map((a) => [a.id, a]),
  );
  const parentIds = replies.flatMap((r) => (r.parentId ? [r.parentId] : []));
  const parents = new Map(
    parentIds.length ? (await tx.reply.findMany({ where: { workspaceId, id: { in: parentIds } }, select: { id: true, authorId: true } })).map((p) => [p.id, p.authorId]) : [],
  );
  const members = replies.some((r) => r.body.includes("@"))
    ? (await tx.membership.findMany({ where: { workspaceId }, select: { user: { select: { id: true, name: true } } } })).map((m) => m.user)
    : [];
  await recordActivities(
    tx,
    replies.map((r) => ({
      workspaceId, documentId, annotationId: r.annotationId, actorId: r.authorId, kind: "reply.create" as const, key: `reply.create:${r.id}`, at,
      targetType: "reply", targetId: r.id,
      data: { quote: excerpt(annotations.get(r.annotationId)?.exact ?? ""), reply: excerpt(r.body) },
    })),
  );
  for (const r of replies) {
    const quote = excerpt(annotations.get(r.annotationId)?.exact ?? "");
    const common = { workspaceId, documentId, annotationId: r.annotationId, actorId: r.authorId, at, data: { quote, excerpt: excerpt(r.body) } };
    const mentioned = findMentions(r.body, members);
    for (const userId of mentioned) await notify(tx, { ...common, userId, kind: "mention", key: `mention:reply:${r.id}` });
    const owners = new Set([annotations.get(r.annotationId)?.authorId, r.parentId ? parents.get(r.parentId) : undefined]);
    for (const userId of owners) {
      if (userId && !mentioned.includes(userId)) await notify(tx, { ...common, userId, kind: "reply", key: `reply:${r.id}` });
    }
  }
}
