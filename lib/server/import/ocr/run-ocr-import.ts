import { isAppError } from "../../../core/errors";
import { can } from "../../../core/permissions";
import { prisma } from "../../../infra/db/client";
import { createDocument } from "../../documents/create-document";
import type { HandlerMeta } from "../../jobs/handlers";
import { logger } from "../../../infra/log";
import { roleOf } from "../../ops/define";
import { contentOf } from "../content-of";
import { mimeOf } from "../detect-format";
import { titleOf } from "../import-document";
import { IMPORT_LIMITS } from "../limits";
import { composeOcrSource } from "./compose-source";
import { ocrPdf } from "./ocr-pdf";

const log = logger("ocr");

async function fail(id: string, error: string): Promise<void> {
  await prisma.importJob.update({ where: { id }, data: { status: "failed", error, source: null, finishedAt: new Date() } });
}

/**
 * The `import.ocr` job: OCR of the stored upload's textless pages with per-page progress in
 * its `ImportJob` row, then the document through the normal normaliser and createDocument.
 * User-facing failures (AppError) end the job as failed with their message key; anything else
 * is thrown for pg-boss to retry, and recorded as failed on the last attempt.
 */
export async function runOcrImportJob(importJobId: string, meta: HandlerMeta = { lastAttempt: true }): Promise<void> {
  const job = await prisma.importJob.findUnique({ where: { id: importJobId } });
  if (!job || job.status === "done" || job.status === "failed" || !job.source) return;
  const context = { importJobId, workspaceId: job.workspaceId, userId: job.createdById };
  try {
    // The uploader may have lost the right to add documents while the job waited.
    const role = job.createdById ? await roleOf(job.createdById, job.workspaceId) : null;
    if (!can(role, "document.create")) return await fail(importJobId, "forbidden");
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "running", pagesDone: 0, error: null } });
    const bytes = new Uint8Array(job.source);
    const ocr = await ocrPdf(bytes, {
      maxPages: IMPORT_LIMITS.maxPdfPages,
      context,
      onProgress: (done, total) => prisma.importJob.update({ where: { id: importJobId }, data: { pagesDone: done, pagesTotal: total } }).then(() => undefined),
    });
    const src = await composeOcrSource(bytes, ocr);
    const doc = await createDocument(
      job.workspaceId,
      job.createdById,
      { title: titleOf(src, job.fileName), authors: null, language: src.normalised.language, sourceName: job.fileName, sourceType: mimeOf("pdf") },
      contentOf(src),
      new Date(),
    );
    await prisma.importJob.update({
      where: { id: importJobId },
      data: { status: "done", documentId: doc.id, warnings: src.normalised.warnings, source: null, finishedAt: new Date() },
    });
    log.info({ ...context, documentId: doc.id, pages: ocr.pages.size, msPerPage: Math.round(ocr.msPerPage) }, "ocr import done");
  } catch (e) {
    if (isAppError(e)) return fail(importJobId, e.message);
    log.error({ ...context, err: e, lastAttempt: meta.lastAttempt }, "ocr import failed");
    if (meta.lastAttempt) return fail(importJobId, "import_ocr_failed");
    await prisma.importJob.update({ where: { id: importJobId }, data: { status: "queued" } });
    throw e;
  }
}
