import { isAppError } from "../../../core/errors";
import { AppError } from "../../../core/errors";
import { buildImportReport, normaliseText, PAGE_SEPARATOR } from "../../../core/text";
import { extractPdf } from "../extract-pdf";
import { IMPORT_LIMITS } from "../limits";
import type { ExtractedSource } from "../extract-source";
import type { OcrResult } from "./ocr-pdf";

/** Mean page confidence (0–100) below which the import report warns that a page reads poorly. */
export const LOW_CONFIDENCE = 70;

/** The text layer of each page, or none at all for a PDF that is only scans. */
async function textLayer(bytes: Uint8Array): Promise<string[]> {
  try {
    return (await extractPdf(bytes)).pages;
  } catch (e) {
    if (isAppError(e) && e.message === "import_pdf_no_text") return [];
    throw e;
  }
}

/**
 * The document of a PDF whose textless pages were OCR'd: text-layer pages and OCR'd pages in
 * page order through the normal normaliser, and every block of an OCR'd page marked with the
 * page's mean confidence so the reader can say the text is machine-read.
 */
export async function composeOcrSource(bytes: Uint8Array, ocr: OcrResult): Promise<ExtractedSource> {
  // A PDF that is only scans has no text layer to extract.
  const layer = ocr.textless.length >= ocr.pageCount ? [] : await textLayer(bytes);
  const count = Math.min(Math.max(ocr.pageCount, layer.length), IMPORT_LIMITS.maxPdfPages);
  const pages = Array.from({ length: count }, (_, i) => ocr.pages.get(i + 1)?.text ?? layer[i] ?? "");
  // No layout hints: the layout's hints cover every line or none (a line without one is skipped),
  // and OCR'd lines have none, so a mixed document goes through the text-based analysis.
  const normalised = normaliseText(pages);
  for (const block of normalised.blocks) {
    const reading = block.page === undefined ? undefined : ocr.pages.get(block.page);
    if (reading) block.ocr = { confidence: Math.round(reading.confidence) };
  }
  const warnings = [...ocr.warnings];
  for (const [n, reading] of [...ocr.pages].sort((a, b) => a[0] - b[0])) {
    if (reading.confidence < LOW_CONFIDENCE) warnings.push(`ocr: page ${n} was read with low confidence (${Math.round(reading.confidence)}%); check it against the original`);
  }
  if (normalised.text.trim().length === 0) throw new AppError("invalid_input", "import_ocr_no_text");
  if (normalised.text.length > IMPORT_LIMITS.maxTextChars) throw new AppError("too_large", "import_too_large");
  const confidences = [...ocr.pages].sort((a, b) => a[0] - b[0]).map(([page, reading]) => ({ page, confidence: Math.round(reading.confidence) }));
  const report = buildImportReport(normalised, { pageCount: count, textlessPages: ocr.textless, ocr: confidences, warnings });
  normalised.warnings.unshift(...warnings);
  return { format: "pdf", raw: pages.join(PAGE_SEPARATOR), normalised, authors: null, title: normalised.title, report };
}
