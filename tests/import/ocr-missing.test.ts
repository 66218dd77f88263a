import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { stopBoss } from "../../lib/server/jobs/boss";
import { runOcrImportJob } from "../../lib/server/import/ocr/run-ocr-import";
import { OCR_PACKAGES } from "../../lib/server/import/ocr/run-tool";
import { uploadDocumentOp } from "../../lib/server/import/ocr/upload-document";
import { makeWorld } from "../support/factories";
import { makeScannedPdf } from "../support/scanned-pdf";

/** A PATH holding only poppler's tools, as on a server where Tesseract was never installed. */
let popplerOnly: string;
let empty: string;
const originalPath = process.env.PATH;
let scan: Uint8Array;

beforeAll(async () => {
  scan = await makeScannedPdf([{ lines: ["日米同盟"] }]);
  popplerOnly = await mkdtemp(path.join(tmpdir(), "path-poppler-"));
  empty = await mkdtemp(path.join(tmpdir(), "path-empty-"));
  for (const tool of ["pdfinfo", "pdftotext", "pdftoppm"]) await symlink(`/usr/bin/${tool}`, path.join(popplerOnly, tool));
});
afterEach(() => {
  process.env.PATH = originalPath;
});
afterAll(async () => {
  await stopBoss();
  await rm(popplerOnly, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

describe("OCR where Tesseract is missing", () => {
  it("refuses the upload with the packages to install, and queues nothing", async () => {
    const w = await makeWorld();
    process.env.PATH = popplerOnly;
    const err = await uploadDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName: "scan.pdf", bytes: scan }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "AppError", code: "unsupported_media", message: "import_ocr_unavailable", details: { packages: OCR_PACKAGES } });
    expect(await prisma.importJob.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });

  it("without poppler either, a scan is refused with the message that names the packages", async () => {
    const w = await makeWorld();
    process.env.PATH = empty;
    const err = await uploadDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName: "scan.pdf", bytes: scan }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "AppError", message: "import_pdf_no_text" });
  });

  it("a queued job whose worker lacks Tesseract fails with that message, not a stack trace", async () => {
    const w = await makeWorld();
    const job = await prisma.importJob.create({ data: { workspaceId: w.workspace.id, createdById: w.members.editor.id, fileName: "scan.pdf", pagesTotal: 1, source: new Uint8Array(scan) } });
    process.env.PATH = popplerOnly;
    await runOcrImportJob(job.id);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", error: "import_ocr_unavailable", source: null, documentId: null });
    expect(await prisma.document.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});
