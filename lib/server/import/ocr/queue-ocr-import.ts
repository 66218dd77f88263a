import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { isAppError } from "../../../core/errors";
import { prisma } from "../../../infra/db/client";
import { sendJob } from "../../jobs/send-job";
import { logger } from "../../../infra/log";
import { detectFormat } from "../detect-format";
import { IMPORT_LIMITS } from "../limits";
import { inspectPdf } from "./inspect-pdf";
import { assertOcrAvailable } from "./run-tool";

const log = logger("ocr");

/** What an upload returns when its document comes later, from a background OCR job. */
export interface QueuedImport {
  job: { id: string; fileName: string; status: "queued"; pagesDone: 0; pagesTotal: number };
}

async function textlessPages(bytes: Uint8Array): Promise<number[] | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "synoptic-pdf-"));
  try {
    await writeFile(path.join(dir, "in.pdf"), bytes);
    return (await inspectPdf(path.join(dir, "in.pdf"), IMPORT_LIMITS.maxPdfPages)).textless;
  } catch (e) {
    // Without poppler (or for a PDF it cannot read) the ordinary extraction decides and explains.
    if (!isAppError(e)) log.warn({ err: e }, "pdf inspection failed");
    return null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * For a PDF with scanned pages (no text layer): queues an OCR job and returns it; for anything
 * else null, and the import goes on as usual. Tells the user what to install when Tesseract or
 * its language data are missing, before anything is queued.
 */
export async function queueOcrImport(input: { workspaceId: string; actorId: string; fileName: string; bytes: Uint8Array }): Promise<QueuedImport | null> {
  if (detectFormat(input.fileName, input.bytes) !== "pdf") return null;
  const textless = await textlessPages(input.bytes);
  if (!textless?.length) return null;
  await assertOcrAvailable();
  const row = await prisma.importJob.create({
    data: { workspaceId: input.workspaceId, createdById: input.actorId, fileName: input.fileName, pagesTotal: textless.length, source: new Uint8Array(input.bytes) },
    select: { id: true },
  });
  try {
    await sendJob("import.ocr", { importJobId: row.id });
  } catch (e) {
    await prisma.importJob.delete({ where: { id: row.id } });
    throw e;
  }
  log.info({ workspaceId: input.workspaceId, userId: input.actorId, importJobId: row.id, pages: textless.length }, "ocr import queued");
  return { job: { id: row.id, fileName: input.fileName, status: "queued", pagesDone: 0, pagesTotal: textless.length } };
}
