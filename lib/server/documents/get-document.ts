import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";
import { AppError } from "../../core/errors";
import { idSchema } from "../../core/validation";
import { sanitiseBlocks, type DocumentView } from "../../core/reader";

export const getDocumentInput = workspaceRef.and(
  z.object({
    documentId: idSchema,
    /** Version number; the latest when absent. */
    version: z.coerce.number().int().positive().max(1_000_000).optional(),
  }),
);

function stringList(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((w): w is string => typeof w === "string") : [];
}

/**
 * One document of a workspace for the reader: its metadata, one version (the latest
 * unless `version` is given) with text and blocks, and the list of its versions.
 * A document of another workspace, a deleted one or a missing version is not found.
 */
export const getDocumentOp = defineOperation({
  name: "documents.get",
  permission: { kind: "workspace", action: "document.read" },
  input: getDocumentInput,
  async run(ctx, input): Promise<DocumentView> {
    const doc = await prisma.document.findFirst({
      where: { id: input.documentId, workspaceId: ctx.workspaceId, deletedAt: null },
      select: {
        id: true, title: true, authors: true, publishedOn: true, sourceUrl: true, language: true, notes: true,
        versions: { orderBy: { number: "asc" }, select: { number: true, createdAt: true, charCount: true } },
      },
    });
    if (!doc) throw new AppError("not_found", "document_not_found");
    const number = input.version ?? doc.versions[doc.versions.length - 1]?.number;
    const version = number === undefined ? null : await prisma.documentVersion.findUnique({
      where: { documentId_number: { documentId: doc.id, number } },
      select: { number: true, createdAt: true, charCount: true, text: true, blocks: true, warnings: true, sourceName: true, sourceType: true },
    });
    if (!version) throw new AppError("not_found", "version_not_found");
    return {
      document: { id: doc.id, title: doc.title, authors: doc.authors, publishedOn: doc.publishedOn, sourceUrl: doc.sourceUrl, language: doc.language, notes: doc.notes },
      version: {
        number: version.number,
        createdAt: version.createdAt.toISOString(),
        charCount: version.charCount,
        text: version.text,
        blocks: sanitiseBlocks(version.blocks, version.text.length),
        sourceName: version.sourceName,
        sourceType: version.sourceType,
        warnings: stringList(version.warnings),
      },
      versions: doc.versions.map((v) => ({ number: v.number, createdAt: v.createdAt.toISOString(), charCount: v.charCount })),
    };
  },
});
