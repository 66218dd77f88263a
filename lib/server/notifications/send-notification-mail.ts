/**
 * Sends notification e-mail (the "notifications.email" job, every minute). For each user with
 * notifications not yet mailed: mode "off" marks them done unsent; "immediate" mails them now;
 * "digest" mails them together once a day. Membership is checked at send time: a notification
 * of a workspace the user no longer belongs to is marked done and never mailed.
 */
import { mailBody, mailSubject, type MailItem } from "../../core/activity/mail";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";
import { sendMail } from "../members/send-invitation-mail";
import { unsubscribeToken } from "./unsubscribe-token";

const log = logger("notifications.mail");
export const DIGEST_INTERVAL_MS = 24 * 3600_000;
/** Users handled per run, and notifications per mail: a run's work is bounded before it starts. */
const USERS_PER_RUN = 200;
const ITEMS_PER_MAIL = 50;

export async function sendNotificationMails(now: Date, send: typeof sendMail = sendMail): Promise<{ mailed: number; skipped: number }> {
  const base = process.env.NEXTAUTH_URL;
  const pending = await prisma.notification.findMany({ where: { emailedAt: null }, distinct: ["userId"], select: { userId: true }, take: USERS_PER_RUN });
  let mailed = 0;
  let skipped = 0;
  for (const { userId } of pending) {
    const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailMode: true, digestSentAt: true, memberships: { select: { workspaceId: true } } } });
    if (!user) continue;
    const memberOf = new Set(user.memberships.map((m) => m.workspaceId));
    const rows = await prisma.notification.findMany({
      where: { userId, emailedAt: null }, orderBy: { createdAt: "asc" }, take: 500,
      select: { id: true, kind: true, workspaceId: true, documentId: true, annotationId: true, data: true, actor: { select: { name: true } }, workspace: { select: { name: true, slug: true } } },
    });
    const gone = rows.filter((r) => !memberOf.has(r.workspaceId));
    const live = user.emailMode === "off" || !base ? [] : rows.filter((r) => memberOf.has(r.workspaceId));
    const drop = user.emailMode === "off" || !base ? rows : gone;
    if (drop.length) {
      await prisma.notification.updateMany({ where: { id: { in: drop.map((r) => r.id) } }, data: { emailedAt: now } });
      skipped += drop.length;
    }
    if (live.length === 0) continue;
    if (user.emailMode === "digest" && user.digestSentAt && now.getTime() - user.digestSentAt.getTime() < DIGEST_INTERVAL_MS) continue;
    const batch = live.slice(0, ITEMS_PER_MAIL);
    const items: MailItem[] = batch.map((r) => {
      const d = (r.data ?? {}) as { quote?: string; excerpt?: string };
      const path = r.documentId ? `/w/${r.workspace.slug}/d/${r.documentId}${r.annotationId ? `?annotation=${encodeURIComponent(r.annotationId)}` : ""}` : `/w/${r.workspace.slug}/activity`;
      return { kind: r.kind, actorName: r.actor?.name ?? null, workspaceName: r.workspace.name, quote: d.quote ?? "", excerpt: d.excerpt ?? "", url: new URL(path, base).toString() };
    });
    const unsubscribe = new URL(`/api/notifications/unsubscribe?t=${encodeURIComponent(unsubscribeToken(userId))}`, base).toString();
    // The recipient is the bare address and the subject fixed text: no user-controlled header.
    const ok = await send(user.email, mailSubject(items.length), mailBody(items, unsubscribe), { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    if (!ok) {
      log.warn({ userId, count: items.length }, "notification mail not sent; retried next run");
      continue;
    }
    await prisma.notification.updateMany({ where: { id: { in: batch.map((r) => r.id) } }, data: { emailedAt: now } });
    if (user.emailMode === "digest") await prisma.user.update({ where: { id: userId }, data: { digestSentAt: now } });
    mailed++;
  }
  return { mailed, skipped };
}
