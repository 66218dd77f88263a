import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import { prisma, recordActivity } from "../workspaces/record-activity";

export interface DocumentContent {
  text: string;
  blocks: unknown[];
  dropped?: unknown[];
  warnings?: string[];
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
    await tx.documentVersion.create({
      data: {
        documentId: doc.id,
        number: 1,
        text: content.text,
        blocks: content.blocks as Prisma.InputJsonValue,
        dropped: (content.dropped ?? []) as Prisma.InputJsonValue,
        warnings: (content.warnings ?? []) as Prisma.InputJsonValue,
        contentHash: contentHash(content.text),
        sourceName: meta.sourceName ?? null,
        sourceType: meta.sourceType ?? null,
        charCount: content.text.length,
        createdAt: now,
      },
    });
    await recordActivity(tx, { workspaceId, actorId, action: "document.create", targetType: "document", targetId: doc.id, at: now });
    return doc;
  });
}
