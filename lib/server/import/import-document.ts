import { z } from "zod";
import { AppError } from "../../core/errors";
import { idSchema, nameSchema, stripUnsafeChars } from "../../core/validation";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { createDocument, createDocumentVersion } from "../documents/create-document";
import { contentOf } from "./content-of";
import { mimeOf } from "./detect-format";
import { extractInWorker } from "./extract-pool";
import type { ExtractedSource } from "./extract-source";
import { logger } from "../../infra/log";
import { queueReanchor } from "../anchors/queue-reanchor";

const log = logger("import");

const fileName = z.string().min(1).max(255).transform((s) => stripUnsafeChars(s.normalize("NFC")).replace(/[\\/]/g, "_"));
const bytes = z.instanceof(Uint8Array);

/** The title of an imported document: what the source states, else the file name. */
export function titleOf(src: ExtractedSource, name: string): string {
  const candidate = (src.title ?? "").trim() || name.replace(/\.[^.]+$/, "");
  const parsed = nameSchema.safeParse(candidate.slice(0, 200));
  // Titles can be long; the display limit of names does not apply, but control characters never pass.
  return parsed.success ? parsed.data : stripUnsafeChars(candidate).slice(0, 200) || name;
}

/**
 * Imports one file as a new document (first version). All or nothing: the file is
 * extracted in a worker first, and the database is written only once that succeeded.
 */
export const importDocumentOp = defineOperation({
  name: "documents.import",
  permission: { kind: "workspace", action: "document.create" },
  input: z.object({ workspaceId: idSchema, fileName, bytes }),
  async run(ctx, input) {
    const src = await extractInWorker(input.fileName, input.bytes);
    const doc = await createDocument(
      ctx.workspaceId,
      ctx.actor.id,
      { title: titleOf(src, input.fileName), authors: src.authors, language: src.normalised.language, sourceName: input.fileName, sourceType: mimeOf(src.format) },
      contentOf(src),
      ctx.now,
    );
    log.info({ workspaceId: ctx.workspaceId, userId: ctx.actor.id, documentId: doc.id, format: src.format, chars: src.normalised.text.length }, "document imported");
    return { id: doc.id, title: doc.title, blocks: src.normalised.blocks.length, warnings: src.normalised.warnings, report: src.report };
  },
});

/** Imports pasted text as a new document. */
export const importPastedTextOp = defineOperation({
  name: "documents.paste",
  permission: { kind: "workspace", action: "document.create" },
  input: z.object({ workspaceId: idSchema, text: z.string().min(1, { message: "import_empty" }).max(5_000_000, { message: "import_too_large" }), title: z.string().max(200).optional(), markdown: z.boolean().default(false) }),
  async run(ctx, input) {
    const name = input.markdown ? "pasted.md" : "pasted.txt";
    return importDocumentOp.execute(ctx.actor, { workspaceId: ctx.workspaceId, fileName: name, bytes: new TextEncoder().encode(input.text) }, { now: ctx.now }).then(async (r) => {
      const title = input.title ? nameSchema.safeParse(input.title) : null;
      if (title?.success) await prisma.document.update({ where: { id: r.id }, data: { title: title.data } });
      return { ...r, title: title?.success ? title.data : r.title };
    });
  },
});

/** Imports a file as a new immutable version of an existing document. */
export const importVersionOp = defineOperation({
  name: "documents.importVersion",
  permission: { kind: "workspace", action: "document.update" },
  input: z.object({ workspaceId: idSchema, documentId: idSchema, fileName, bytes }),
  async run(ctx, input) {
    const doc = await prisma.document.findFirst({ where: { id: input.documentId, workspaceId: ctx.workspaceId, deletedAt: null }, select: { id: true, title: true } });
    if (!doc) throw new AppError("not_found", "document_not_found");
    const src = await extractInWorker(input.fileName, input.bytes);
    const version = await createDocumentVersion(doc.id, ctx.workspaceId, ctx.actor.id, { sourceName: input.fileName, sourceType: mimeOf(src.format) }, contentOf(src), ctx.now);
    // The annotations of earlier versions are placed in this one by a job (progress in the import panel).
    const reanchorJobId = await queueReanchor({ workspaceId: ctx.workspaceId, documentId: doc.id, versionId: version.id, actorId: ctx.actor.id, title: doc.title });
    return { id: doc.id, version: version.number, versionId: version.id, reanchorJobId, warnings: src.normalised.warnings, report: src.report };
  },
});
