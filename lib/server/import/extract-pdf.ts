import { findPackageJSON } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../../core/errors";
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

interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** Joins one page's text items into lines, breaking where pdfjs or the baseline says a line ends. */
function pageText(items: TextItem[]): string {
  let out = "";
  let lastY: number | null = null;
  for (const item of items) {
    const y = item.transform?.[5] ?? null;
    if (lastY !== null && y !== null && Math.abs(y - lastY) > 2 && !out.endsWith("\n")) out += "\n";
    out += item.str;
    if (item.hasEOL) out += "\n";
    if (y !== null) lastY = y;
  }
  return out;
}

/** The text layer of a PDF, one string per page. Refuses encrypted and image-only PDFs clearly. */
export async function extractPdf(bytes: Uint8Array): Promise<{ pages: string[]; warnings: string[] }> {
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
    const pages: string[] = [];
    for (let i = 1; i <= count; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    if (pages.every((p) => p.trim() === "")) throw new AppError("unsupported_media", "import_pdf_no_text");
    return { pages, warnings };
  } finally {
    await task.destroy();
  }
}
