import { runTool } from "./run-tool";

export interface PdfPagesInfo {
  pageCount: number;
  /** 1-based numbers of the pages (within the first `maxPages`) with no text layer. */
  textless: number[];
  /** Page sizes in PostScript points, by page number. */
  sizes: Map<number, { width: number; height: number }>;
}

/**
 * Which pages of a PDF file have no text layer, with poppler's pdfinfo/pdftotext (fast C
 * tools, run as bounded child processes). A page counts as textless when its text layer
 * has fewer than `minChars` non-space characters (a stray page number is not a text layer).
 */
export async function inspectPdf(file: string, maxPages: number, minChars = 3): Promise<PdfPagesInfo> {
  const info = await runTool("pdfinfo", ["-f", "1", "-l", String(maxPages), file], { timeoutMs: 30_000 });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = new Map<number, { width: number; height: number }>();
  for (const m of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    sizes.set(Number(m[1]), { width: Number(m[2]), height: Number(m[3]) });
  }
  const last = Math.min(pageCount, maxPages);
  const text = last > 0 ? await runTool("pdftotext", ["-f", "1", "-l", String(last), "-enc", "UTF-8", file, "-"], { timeoutMs: 60_000 }) : "";
  // pdftotext ends every page with a form feed.
  const pages = text.split("\f").slice(0, last);
  const textless: number[] = [];
  for (let n = 1; n <= last; n++) {
    if ((pages[n - 1] ?? "").replace(/\s/g, "").length < minChars) textless.push(n);
  }
  return { pageCount, textless, sizes };
}
