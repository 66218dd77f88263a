/**
 * The current state of a workspace's map and annotations as snapshot data, from the server's
 * one read path (project-current.ts): the projection is first caught up with the collab append
 * log, map nodes come from the workspace Y.Doc (state plus log; nodes are not projected). The
 * size is counted before anything large is read, and refused past SNAPSHOT_LIMITS.
 */
import { mapNodeEntrySchema, metaDocName } from "../../core/collab";
import { AppError } from "../../core/errors";
import { clip, SNAPSHOT_LIMITS, type SnapshotData, type SnapshotNode } from "../../core/review";
import { nodesMap } from "../../collab/model/structure";
import { catchUpProjection, loadCurrentDoc } from "../../collab/server/persistence/project-current";
import { prisma } from "../../infra/db/client";

export async function readWorkspaceState(workspaceId: string): Promise<SnapshotData> {
  await catchUpProjection(workspaceId);
  const liveDocs = { workspaceId, document: { deletedAt: null } };
  const [annotationCount, linkCount] = await Promise.all([prisma.annotation.count({ where: liveDocs }), prisma.link.count({ where: { workspaceId } })]);
  if (annotationCount > SNAPSHOT_LIMITS.annotations || linkCount > SNAPSHOT_LIMITS.links) {
    throw new AppError("too_large", "snapshot_too_large", { details: { annotations: annotationCount, links: linkCount } });
  }
  const nodes = await readNodes(workspaceId);
  const [documents, themes, annotations, tags, replies, links] = await Promise.all([
    prisma.document.findMany({ where: { workspaceId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    prisma.theme.findMany({ where: { workspaceId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, colour: true } }),
    prisma.annotation.findMany({
      where: liveDocs,
      orderBy: [{ documentId: "asc" }, { start: "asc" }, { id: "asc" }],
      select: { id: true, documentId: true, versionId: true, start: true, end: true, exact: true, prefix: true, suffix: true, noteText: true, status: true, colour: true, authorId: true, authorName: true, createdAt: true, updatedAt: true },
    }),
    prisma.annotationTheme.findMany({ where: { workspaceId }, select: { annotationId: true, themeId: true } }),
    prisma.reply.groupBy({ by: ["annotationId"], where: { workspaceId }, _count: { _all: true } }),
    prisma.link.findMany({ where: { workspaceId }, orderBy: { id: "asc" }, select: { id: true, fromKind: true, fromId: true, toKind: true, toId: true, kind: true, label: true } }),
  ]);
  const themeIds = new Map<string, string[]>();
  for (const t of tags) themeIds.set(t.annotationId, [...(themeIds.get(t.annotationId) ?? []), t.themeId]);
  const replyCount = new Map(replies.map((r) => [r.annotationId, r._count._all]));
  return {
    version: 1,
    documents,
    themes,
    annotations: annotations.map((a) => ({
      id: a.id,
      documentId: a.documentId,
      versionId: a.versionId,
      start: a.start,
      end: a.end,
      exact: clip(a.exact, SNAPSHOT_LIMITS.quoteMax),
      prefix: a.prefix,
      suffix: a.suffix,
      note: clip(a.noteText, SNAPSHOT_LIMITS.noteMax),
      status: a.status,
      colour: a.colour,
      authorId: a.authorId,
      authorName: a.authorName,
      themeIds: (themeIds.get(a.id) ?? []).sort(),
      replyCount: replyCount.get(a.id) ?? 0,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    })),
    links,
    nodes,
  };
}

/** Live map nodes of the workspace Y.Doc, validated (an entry the projection would refuse is left out). */
async function readNodes(workspaceId: string): Promise<SnapshotNode[]> {
  const doc = await loadCurrentDoc(metaDocName(workspaceId));
  try {
    const map = nodesMap(doc);
    if (map.size > SNAPSHOT_LIMITS.nodes) throw new AppError("too_large", "snapshot_too_large", { details: { nodes: map.size } });
    const out: SnapshotNode[] = [];
    for (const value of map.values()) {
      const parsed = mapNodeEntrySchema.safeParse(value);
      if (!parsed.success || parsed.data.deleted) continue;
      const n = parsed.data;
      out.push({ id: n.id, kind: n.kind, label: n.label ?? "", annotationId: n.annotationId ?? null });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  } finally {
    doc.destroy();
  }
}
