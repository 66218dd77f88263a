import { buildImportReport, decodeBytes, normaliseText, PAGE_SEPARATOR, type ImportReport, type NormalisedText } from "../../core/text";
import { AppError } from "../../core/errors";
import { detectFormat, type SourceFormat } from "./detect-format";
import { extractHtml } from "./extract-html";
import { extractDocx } from "./extract-docx";
import { extractPdf } from "./extract-pdf";
import { IMPORT_LIMITS } from "./limits";

export interface ExtractedSource {
  format: SourceFormat;
  /** The text given to the normaliser (decoded file, page texts, or Markdown from HTML/DOCX). */
  raw: string;
  normalised: NormalisedText;
  /** Metadata the source itself states (HTML byline, etc.). */
  authors: string | null;
  title: string | null;
  /** What the import made of the file, for the user (see lib/core/text/build-report). */
  report: ImportReport;
}

/**
 * Refuses a text too long to store before normalising it (the expensive step): every
 * non-whitespace character survives normalisation, so their count is a lower bound.
 */
function assertFits(raw: string): void {
  let chars = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000) chars++;
  }
  if (chars > IMPORT_LIMITS.maxTextChars) throw new AppError("too_large", "import_too_large", { details: { limit: IMPORT_LIMITS.maxTextChars } });
}

/**
 * Bytes of any supported format → the canonical text model. Pure of the database;
 * callers with untrusted bytes run it in the worker pool (`extractInWorker`, extract-pool.ts).
 */
export async function extractSource(fileName: string, bytes: Uint8Array): Promise<ExtractedSource> {
  if (bytes.length > IMPORT_LIMITS.maxUploadBytes) throw new AppError("too_large", "import_too_large", { details: { limit: IMPORT_LIMITS.maxUploadBytes } });
  const format = detectFormat(fileName, bytes);
  let normalised: NormalisedText;
  let raw: string;
  let authors: string | null = null;
  let title: string | null = null;
  const extraWarnings: string[] = [];
  const pdfPages: { count?: number; textless?: number[] } = {};
  if (format === "text" || format === "markdown") {
    const decoded = decodeBytes(bytes);
    extraWarnings.push(...decoded.warnings);
    raw = decoded.text;
    assertFits(raw);
    normalised = normaliseText(raw, { format: format === "markdown" ? "markdown" : "text" });
  } else if (format === "html") {
    const decoded = decodeBytes(bytes);
    const html = extractHtml(decoded.text);
    extraWarnings.push(...decoded.warnings, ...html.warnings);
    raw = html.markdown;
    assertFits(raw);
    normalised = normaliseText(raw, { format: "markdown" });
    authors = html.byline;
    title = html.title;
  } else if (format === "docx") {
    const docx = await extractDocx(bytes);
    extraWarnings.push(...docx.warnings);
    raw = docx.markdown;
    assertFits(raw);
    normalised = normaliseText(raw, { format: "markdown" });
  } else {
    const pdf = await extractPdf(bytes);
    // No OCR is wired here: a PDF without any text layer is refused as before.
    if (!pdf.hasText.some(Boolean)) throw new AppError("unsupported_media", "import_pdf_no_text");
    extraWarnings.push(...pdf.warnings);
    raw = pdf.pages.join(PAGE_SEPARATOR);
    assertFits(raw);
    pdfPages.count = pdf.hasText.length;
    pdfPages.textless = pdf.hasText.flatMap((has, i) => (has ? [] : [i + 1]));
    normalised = normaliseText(pdf.pages, { lineHints: pdf.hints });
  }
  if (normalised.text.trim().length === 0) throw new AppError("invalid_input", "import_empty", { details: { fileName } });
  if (normalised.text.length > IMPORT_LIMITS.maxTextChars) throw new AppError("too_large", "import_too_large");
  const report = buildImportReport(normalised, { pageCount: pdfPages.count, textlessPages: pdfPages.textless, warnings: extraWarnings });
  normalised.warnings.unshift(...extraWarnings);
  return { format, raw, normalised, authors, title: title ?? normalised.title, report };
}
