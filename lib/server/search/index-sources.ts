/**
 * Keeps the search index current: a document's current version on import and on a new version,
 * annotation quotes and notes and replies from the projection (same transaction), and nothing of
 * a deleted document. Rows of a deleted annotation, reply, version or workspace go by cascade.
 */
import { chunkDocument, type SearchKind } from "../../core/search";
import type { Block } from "../../core/text";
import type { Prisma } from "../../generated/prisma/client";
import { lockSearch, plainItems, writeChunks } from "./write-chunks";

type Tx = Prisma.TransactionClient;

/** Indexes a version as its document's current one, replacing the text rows of earlier versions. */
export async function indexVersion(tx: Tx, v: { workspaceId: string; documentId: string; versionId: string; text: string; blocks: unknown }): Promise<number> {
  await lockSearch(tx, v.workspaceId);
  await tx.$executeRaw`DELETE FROM "SearchChunk" WHERE "documentId" = ${v.documentId} AND "kind" = 'text'`;
  const blocks = Array.isArray(v.blocks) ? (v.blocks as Block[]).filter((b) => b && typeof b.start === "number" && typeof b.end === "number") : [];
  return writeChunks(tx, [{ source: { workspaceId: v.workspaceId, documentId: v.documentId, kind: "text", versionId: v.versionId }, chunks: chunkDocument(v.text, blocks) }]);
}

/** Removes a (soft-)deleted document from the index. */
export async function unindexDocument(tx: Tx, workspaceId: string, documentId: string): Promise<void> {
  await lockSearch(tx, workspaceId);
  await tx.$executeRaw`DELETE FROM "SearchChunk" WHERE "workspaceId" = ${workspaceId} AND "documentId" = ${documentId}`;
}

interface AnnotationRow {
  workspaceId: string;
  id: string;
  documentId: string;
  versionId: string;
  start: number;
  exact: string;
  noteText?: string | null;
  authorId: string;
}

/**
 * Where annotation quotes read in their document's current version: annotations of an older
 * version that the re-anchoring placed there (lib/server/anchors) are indexed at their new place,
 * so a hit opens where the compare view paints them; orphans and annotations of the current
 * version keep their own anchor.
 */
async function currentPlaces(tx: Tx, rows: readonly AnnotationRow[]): Promise<Map<string, { versionId: string; start: number; quote: string }>> {
  const out = new Map<string, { versionId: string; start: number; quote: string }>();
  const workspaceIds = [...new Set(rows.map((r) => r.workspaceId))];
  for (const workspaceId of workspaceIds) {
    const ids = rows.filter((r) => r.workspaceId === workspaceId).map((r) => r.id);
    const placed = await tx.$queryRaw<{ annotationId: string; versionId: string; start: number; quote: string }[]>`
      SELECT p."annotationId", p."versionId", p."start", p."quote" FROM "AnnotationPlacement" p
      WHERE p."workspaceId" = ${workspaceId} AND p."annotationId" = ANY(${ids}) AND p."status" <> 'orphan'
        AND p."versionId" = (SELECT v."id" FROM "DocumentVersion" v WHERE v."documentId" = p."documentId" ORDER BY v."number" DESC LIMIT 1)`;
    for (const p of placed) out.set(p.annotationId, p);
  }
  return out;
}

async function quoteItems(tx: Tx, rows: readonly AnnotationRow[]) {
  const places = await currentPlaces(tx, rows);
  return rows.map((a) => {
    const at = places.get(a.id);
    const source = { workspaceId: a.workspaceId, documentId: a.documentId, annotationId: a.id, authorId: a.authorId, kind: "annotation" as SearchKind };
    return at ? { source: { ...source, versionId: at.versionId, offset: at.start }, text: at.quote } : { source: { ...source, versionId: a.versionId, offset: a.start }, text: a.exact };
  });
}

/**
 * Indexes annotations just (re)created by the projection: the quote (offsets into the version
 * it reads in now) and the note's plain text. Their earlier rows went with the annotation rows (cascade).
 */
export async function indexAnnotations(tx: Tx, rows: readonly AnnotationRow[]): Promise<number> {
  if (!rows.length) return 0;
  const notes = rows.filter((a) => a.noteText).map((a) => ({ source: { workspaceId: a.workspaceId, documentId: a.documentId, annotationId: a.id, authorId: a.authorId, kind: "note" as SearchKind }, text: a.noteText! }));
  return writeChunks(tx, plainItems([...(await quoteItems(tx, rows)), ...notes]));
}

/** Re-indexes the quotes of annotations that were just placed in a new version. */
export async function reindexAnnotationQuotes(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  await lockSearch(tx, workspaceId);
  await tx.$executeRaw`DELETE FROM "SearchChunk" WHERE "workspaceId" = ${workspaceId} AND "kind" = 'annotation' AND "annotationId" = ANY(${[...ids]})`;
  const rows = await tx.annotation.findMany({ where: { workspaceId, id: { in: [...ids] } }, select: { workspaceId: true, id: true, documentId: true, versionId: true, start: true, exact: true, authorId: true } });
  return writeChunks(tx, plainItems(await quoteItems(tx, rows)));
}

interface ReplyRow {
  workspaceId: string;
  id: string;
  documentId: string;
  authorId: string;
  body: string;
}

/** Indexes replies just (re)created by the projection. */
export async function indexReplies(tx: Tx, rows: readonly ReplyRow[]): Promise<number> {
  if (!rows.length) return 0;
  const items = rows.map((r) => ({
    // No annotationId: the row's foreign key would tie the reply to its annotation's row, which the
    // projection replaces on every edit of the annotation (and which may not be projected yet).
    source: { workspaceId: r.workspaceId, documentId: r.documentId, kind: "reply" as SearchKind, replyId: r.id, authorId: r.authorId },
    text: r.body,
  }));
  return writeChunks(tx, plainItems(items));
}
