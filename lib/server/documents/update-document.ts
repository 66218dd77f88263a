import { z } from "zod";
import { AppError } from "../../core/errors";
import { idSchema, stripUnsafeChars } from "../../core/validation";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { unindexDocument } from "../search/index-sources";

const text = (max: number) =>
  z
    .string()
    .max(max, { message: "meta_too_long" })
    .transform((s) => stripUnsafeChars(s.normalize("NFC")).trim() || null);

/** "", "2025", "2025-03" or "2025-03-07", and a real calendar date. */
function isPartialDate(s: string): boolean {
  if (s === "") return true;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Editable metadata of a document. The versions' texts are immutable and not touched here. */
export const documentMetaSchema = z.object({
  title: z
    .string()
    .max(200, { message: "meta_too_long" })
    .transform((s) => stripUnsafeChars(s.normalize("NFC")).trim())
    .pipe(z.string().min(1, { message: "name_required" })),
  authors: text(300).optional(),
  publishedOn: z
    .string()
    .max(10)
    .refine(isPartialDate, { message: "meta_date_invalid" })
    .transform((s) => s || null)
    .optional(),
  sourceUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, message: "meta_url_invalid" }).max(2000)])
    .transform((s) => s || null)
    .optional(),
  language: z
    .string()
    .max(16)
    .regex(/^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/, { message: "meta_language_invalid" })
    .transform((s) => s || null)
    .optional(),
  notes: text(5000).optional(),
});

export const updateDocumentOp = defineOperation({
  name: "documents.update",
  permission: { kind: "workspace", action: "document.update" },
  input: documentMetaSchema.extend({ workspaceId: idSchema, documentId: idSchema }),
  async run(ctx, input) {
    const { workspaceId: _w, documentId, ...meta } = input;
    return prisma.$transaction(async (tx) => {
      const updated = await tx.document.updateMany({ where: { id: documentId, workspaceId: ctx.workspaceId, deletedAt: null }, data: meta });
      if (updated.count === 0) throw new AppError("not_found", "document_not_found");
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "document.update", documentId, at: ctx.now });
      return { id: documentId, ...meta };
    });
  },
});

/** Soft-deletes a document: it leaves every list at once; its versions stay for recovery. */
export const deleteDocumentOp = defineOperation({
  name: "documents.delete",
  permission: { kind: "workspace", action: "document.delete" },
  input: z.object({ workspaceId: idSchema, documentId: idSchema }),
  async run(ctx, input) {
    return prisma.$transaction(async (tx) => {
      const updated = await tx.document.updateMany({ where: { id: input.documentId, workspaceId: ctx.workspaceId, deletedAt: null }, data: { deletedAt: ctx.now } });
      if (updated.count === 0) throw new AppError("not_found", "document_not_found");
      await unindexDocument(tx, ctx.workspaceId, input.documentId);
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "document.delete", documentId: input.documentId, at: ctx.now });
      return { deleted: true as const };
    });
  },
});
