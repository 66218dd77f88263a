/**
 * OCR benchmark: `ocr_ms_per_page` — the OCR job's work per scanned page (render with pdftoppm at
 * 300 dpi within the pixel caps, Tesseract jpn+eng, the jpn_vert retry on doubtful pages) over a
 * scanned PDF of a Japanese, an English and a vertical Japanese page. Baseline: one bare
 * `tesseract -l jpn+eng` run per page on images rendered beforehand (no rendering, no retry).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ocrPdf } from "../../lib/server/import/ocr/ocr-pdf";
import { makeScannedPdf, SCAN_PAGES } from "../../tests/support/scanned-pdf";
import type { BenchResult } from "../bench";

const run$ = promisify(execFile);

const PAGES = [...SCAN_PAGES.map((lines) => ({ lines })), { lines: ["日米同盟は地域の安全保障の礎である。", "拡大抑止の信頼性を高める。"], vertical: true }];

async function bareTesseractMsPerPage(bytes: Uint8Array): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "bench-ocr-"));
  try {
    await writeFile(path.join(dir, "s.pdf"), bytes);
    await run$("pdftoppm", ["-r", "300", "-gray", "-png", path.join(dir, "s.pdf"), path.join(dir, "p")]);
    const t0 = performance.now();
    for (let i = 1; i <= PAGES.length; i++) {
      await run$("tesseract", [path.join(dir, `p-${i}.png`), path.join(dir, `o-${i}`), "-l", "jpn+eng", "--psm", "3", "tsv"], { env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
    }
    return (performance.now() - t0) / PAGES.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `ocr_ms_per_page`: mean milliseconds of OCR per scanned page (one run; each page takes seconds). */
export async function run(): Promise<BenchResult[]> {
  const bytes = await makeScannedPdf(PAGES);
  const result = await ocrPdf(bytes, { maxPages: 100 });
  if (result.pages.size !== PAGES.length) throw new Error(`only ${result.pages.size} of ${PAGES.length} pages were read`);
  const baseline = await bareTesseractMsPerPage(bytes);
  const value = Math.round(result.msPerPage);
  return [{ metric: "ocr_ms_per_page", value, unit: "ms/page", target: 10_000, baseline: Math.round(baseline), ratio: Math.round((value / baseline) * 100) / 100 }];
}
