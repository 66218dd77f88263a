/**
 * Reads a workspace's activity, newest first, a page at a time with a keyset cursor (the last
 * event id seen): every page is one index range scan of (workspaceId, id), so the 10,000th event
 * costs what the first does, and events recorded meanwhile never shift a page.
 */
import { z } from "zod";
import { ACTIVITY_GROUPS, activityGroupSchema, activityKindSchema } from "../../core/activity/kinds";
import { idSchema } from "../../core/validation";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";

export const activityFilterSchema = z.object({
  cursor: z.string().regex(/^\d{1,19}$/, { message: "invalid_cursor" }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  actorId: idSchema.optional(),
  documentId: idSchema.optional(),
  annotationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  themeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  kind: activityKindSchema.optional(),
  group: activityGroupSchema.optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
});
export type ActivityFilter = z.output<typeof activityFilterSchema>;

export interface ActivityItem {
  id: string;
  kind: string;
  actor: { id: string; name: string } | null;
  documentId: string | null;
  annotationId: string | null;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  count: number;
  createdAt: string;
  updatedAt: string;
}

export async function listActivity(workspaceId: string, f: ActivityFilter): Promise<{ items: ActivityItem[]; nextCursor: string | null }> {
  const where: Prisma.ActivityEventWhereInput = {
    workspaceId,
    ...(f.cursor ? { id: { lt: BigInt(f.cursor) } } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.documentId ? { documentId: f.documentId } : {}),
    ...(f.annotationId ? { annotationId: f.annotationId } : {}),
    ...(f.kind ? { kind: f.kind } : f.group ? { kind: { in: [...ACTIVITY_GROUPS[f.group]] } } : {}),
    ...(f.themeId ? { data: { path: ["themeId"], equals: f.themeId } } : {}),
    ...(f.since || f.until ? { createdAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lt: f.until } : {}) } } : {}),
  };
  const rows = await prisma.activityEvent.findMany({
    where, orderBy: { id: "desc" }, take: f.limit + 1,
    select: { id: true, kind: true, documentId: true, annotationId: true, targetType: true, targetId: true, data: true, count: true, createdAt: true, updatedAt: true, actor: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() })),
    nextCursor: rows.length > f.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
