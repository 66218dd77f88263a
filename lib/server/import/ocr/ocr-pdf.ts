import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { logger } from "../../../infra/log";
import { inspectPdf } from "./inspect-pdf";
import { recognisePage, type Recognised } from "./recognise-page";
import { renderPage } from "./render-page";
import { ToolLimitError } from "./run-tool";

const log = logger("ocr");

export interface OcrResult {
  pageCount: number;
  /** The pages without a text layer (all of them were tried). */
  textless: number[];
  /** OCR'd pages by 1-based number (textless pages that could not be read are absent). */
  pages: Map<number, Recognised>;
  warnings: string[];
  msPerPage: number;
}

/**
 * OCR of the textless pages of a PDF: each page rendered by pdftoppm within pixel caps and read
 * by Tesseract, one at a time (bounded memory), reporting progress after each page. A page that
 * is too large or runs out of time is skipped with a warning; the others go on.
 */
export async function ocrPdf(
  bytes: Uint8Array,
  opts: { maxPages: number; onProgress?: (done: number, total: number) => Promise<void> | void; context?: Record<string, unknown> },
): Promise<OcrResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "synoptic-ocr-"));
  try {
    const file = path.join(dir, "source.pdf");
    await writeFile(file, bytes);
    const info = await inspectPdf(file, opts.maxPages);
    const pages = new Map<number, Recognised>();
    const warnings: string[] = [];
    const started = Date.now();
    await opts.onProgress?.(0, info.textless.length);
    for (const [i, n] of info.textless.entries()) {
      try {
        const rendered = await renderPage(file, n, info.sizes.get(n) ?? { width: 595, height: 842 }, dir);
        if (!rendered.ok) warnings.push(`ocr: page ${n} is too large to read (skipped)`);
        else {
          const reading = await recognisePage(rendered.file);
          await rm(rendered.file, { force: true });
          if (reading.text.trim()) pages.set(n, reading);
          else warnings.push(`ocr: no text recognised on page ${n}`);
        }
      } catch (e) {
        if (!(e instanceof ToolLimitError)) throw e;
        log.warn({ ...opts.context, page: n, err: e.message }, "ocr page skipped");
        warnings.push(`ocr: page ${n} is too complex to read (skipped)`);
      }
      await opts.onProgress?.(i + 1, info.textless.length);
    }
    const msPerPage = info.textless.length ? (Date.now() - started) / info.textless.length : 0;
    return { pageCount: info.pageCount, textless: info.textless, pages, warnings, msPerPage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
