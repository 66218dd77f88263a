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
 * Indexes annotations just (re)created by the projection: the quote (offsets into its version)
 * and the note's plain text. Their earlier rows went with the annotation rows (cascade).
 */
export async function indexAnnotations(tx: Tx, rows: readonly AnnotationRow[]): Promise<number> {
  if (!rows.length) return 0;
  const items = rows.flatMap((a) => {
    const base = { workspaceId: a.workspaceId, documentId: a.documentId, annotationId: a.id, authorId: a.authorId };
    const quote = { source: { ...base, kind: "annotation" as SearchKind, versionId: a.versionId, offset: a.start }, text: a.exact };
    return a.noteText ? [quote, { source: { ...base, kind: "note" as SearchKind }, text: a.noteText }] : [quote];
  });
  return writeChunks(tx, plainItems(items));
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
