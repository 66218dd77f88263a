/**
 * A user's inbox across workspaces, newest first. Notifications of workspaces the user has left
 * are not shown (their access is gone; the rows go when the workspace does).
 */
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";

export interface InboxItem {
  id: string;
  kind: string;
  workspaceId: string;
  workspace: { slug: string; name: string };
  actor: { id: string; name: string } | null;
  documentId: string | null;
  annotationId: string | null;
  data: unknown;
  createdAt: string;
  readAt: string | null;
}

export async function listInbox(userId: string, opts: { limit: number; unreadOnly?: boolean; cursor?: string | undefined }): Promise<{ items: InboxItem[]; unread: number }> {
  const visible: Prisma.NotificationWhereInput = { userId, workspace: { memberships: { some: { userId } } } };
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { ...visible, ...(opts.unreadOnly ? { readAt: null } : {}), ...(opts.cursor ? { createdAt: { lt: new Date(opts.cursor) } } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: opts.limit,
      select: { id: true, kind: true, workspaceId: true, documentId: true, annotationId: true, data: true, createdAt: true, readAt: true, workspace: { select: { slug: true, name: true } }, actor: { select: { id: true, name: true } } },
    }),
    countUnread(userId),
  ]);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null })), unread };
}

/** The top bar's badge: unread notifications of workspaces the user is still a member of. */
export function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null, workspace: { memberships: { some: { userId } } } } });
}
