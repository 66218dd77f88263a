import { findPackageJSON } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../../core/errors";
import { layoutPdf, type PdfLayout, type PdfPageText, type PdfTextItem } from "../../core/layout";
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { IMPORT_LIMITS } from "./limits";

// pdfjs ships its CMaps (needed for Japanese CID fonts) and standard fonts in the
// package; they are read from disk, never fetched. Resolved from the working
// directory at run time: bundlers rewrite require.resolve() into module ids.
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const pkg = findPackageJSON("pdfjs-dist", pathToFileURL(path.join(process.cwd(), "/")));
  if (!pkg) throw new Error("pdfjs-dist is not installed");
  const root = path.dirname(pkg);
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
  hasEOL?: boolean;
}

/** What `extractPdf` reads: per page its positioned text (see lib/core/layout) and the laid-out result. */
export interface ExtractedPdf {
  /** Page texts in reading order, one string per page. */
  pages: string[];
  /** Layout hints per line of `pages.join("\f")`, for `normaliseText`. */
  hints: PdfLayout["hints"];
  /** Per page: false when the page has no text layer (a scan: OCR it or skip it). */
  hasText: boolean[];
  warnings: string[];
}

/** One page's text items with positions, font sizes and the writing mode of their font. */
async function pageItems(page: PDFPageProxy): Promise<PdfPageText> {
  const content = await page.getTextContent();
  const styles = content.styles as Record<string, { vertical?: boolean }>;
  const items: PdfTextItem[] = [];
  for (const raw of content.items as RawItem[]) {
    if (typeof raw.str !== "string" || !raw.transform) continue;
    items.push({ str: raw.str, transform: raw.transform, width: raw.width ?? 0, height: raw.height ?? 0, fontName: raw.fontName, hasEOL: raw.hasEOL, vertical: styles[raw.fontName ?? ""]?.vertical === true });
  }
  const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
  return { width: x1 - x0, height: y1 - y0, items };
}

/**
 * The text layer of a PDF laid out into reading order (lib/core/layout). Refuses
 * encrypted and corrupt PDFs clearly; pages without text are reported in `hasText`,
 * the caller decides what an all-scanned PDF means.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs detaches the buffer it is given
    ...pdfjsAssets(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === "PasswordException") throw new AppError("unsupported_media", "import_pdf_encrypted");
    throw new AppError("unsupported_media", "import_corrupt_pdf");
  }
  try {
    const warnings: string[] = [];
    const count = Math.min(doc.numPages, IMPORT_LIMITS.maxPdfPages);
    if (doc.numPages > count) warnings.push(`pdf: only the first ${count} of ${doc.numPages} pages were read`);
    const pages: PdfPageText[] = [];
    for (let i = 1; i <= count; i++) {
      const page = await doc.getPage(i);
      pages.push(await pageItems(page));
      page.cleanup();
    }
    const layout = layoutPdf(pages);
    return { pages: layout.pages, hints: layout.hints, hasText: layout.hasText, warnings };
  } finally {
    await task.destroy();
  }
}
