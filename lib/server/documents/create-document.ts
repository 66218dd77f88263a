import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { indexVersion } from "../search/index-sources";

export interface DocumentContent {
  text: string;
  blocks: unknown[];
  dropped?: unknown[];
  warnings?: string[];
  rawText?: string;
  offsetMap?: unknown;
}

export interface DocumentMeta {
  title: string;
  authors?: string | null;
  publishedOn?: string | null;
  sourceUrl?: string | null;
  language?: string | null;
  notes?: string | null;
  sourceName?: string | null;
  sourceType?: string | null;
}

/** Indexing a large document for search (same transaction) takes seconds, more than Prisma's default 5. */
const INDEXING_TX = { timeout: 120_000, maxWait: 30_000 };

export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Creates a document with its first immutable version in one transaction, so a
 * failed import never leaves half a document behind.
 */
export async function createDocument(workspaceId: string, actorId: string | null, meta: DocumentMeta, content: DocumentContent, now: Date) {
  return prisma.$transaction(async (tx) => {
    const doc = await tx.document.create({
      data: {
        workspaceId,
        title: meta.title,
        authors: meta.authors ?? null,
        publishedOn: meta.publishedOn ?? null,
        sourceUrl: meta.sourceUrl ?? null,
        language: meta.language ?? null,
        notes: meta.notes ?? null,
        createdById: actorId,
        createdAt: now,
      },
      select: { id: true, title: true },
    });
    const version = await insertVersion(tx, doc.id, 1, meta, content, now);
    await indexVersion(tx, { workspaceId, documentId: doc.id, versionId: version.id, text: content.text, blocks: content.blocks });
    await recordActivity(tx, { workspaceId, actorId, kind: "document.create", documentId: doc.id, data: { title: doc.title }, at: now });
    return doc;
  }, INDEXING_TX);
}

function insertVersion(tx: Prisma.TransactionClient, documentId: string, number: number, meta: Pick<DocumentMeta, "sourceName" | "sourceType">, content: DocumentContent, now: Date) {
  return tx.documentVersion.create({
    data: {
      documentId,
      number,
      text: content.text,
      blocks: content.blocks as Prisma.InputJsonValue,
      dropped: (content.dropped ?? []) as Prisma.InputJsonValue,
      warnings: (content.warnings ?? []) as Prisma.InputJsonValue,
      rawText: content.rawText ?? null,
      offsetMap: (content.offsetMap ?? undefined) as Prisma.InputJsonValue | undefined,
      contentHash: contentHash(content.text),
      sourceName: meta.sourceName ?? null,
      sourceType: meta.sourceType ?? null,
      charCount: content.text.length,
      createdAt: now,
    },
    select: { id: true, number: true },
  });
}

/**
 * Adds the next immutable version of a document. Earlier versions are never
 * touched; the row lock on the document serialises concurrent imports.
 */
export async function createDocumentVersion(documentId: string, workspaceId: string, actorId: string | null, meta: Pick<DocumentMeta, "sourceName" | "sourceType">, content: DocumentContent, now: Date) {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Document" WHERE id = ${documentId} FOR UPDATE`;
    const last = await tx.documentVersion.findFirst({ where: { documentId }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await insertVersion(tx, documentId, (last?.number ?? 0) + 1, meta, content, now);
    // Search covers the current version only: this replaces the earlier version's text rows.
    await indexVersion(tx, { workspaceId, documentId, versionId: version.id, text: content.text, blocks: content.blocks });
    await tx.document.update({ where: { id: documentId }, data: { updatedAt: now } });
    await recordActivity(tx, { workspaceId, actorId, kind: "document.version", documentId, data: { version: version.number }, at: now });
    return version;
  }, INDEXING_TX);
}
