/**
 * Scanned PDFs built at test time: text typeset with pdfkit, rasterised with poppler's
 * `pdftoppm`, and each PNG wrapped in a new PDF as an image-only page (no text layer),
 * which is what a scanner or a "print to image" produces.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { JAPANESE_TTF } from "./fixtures";

const run = promisify(execFile);

/** Text of each page: Japanese and English lines, a page of each by default. */
export const SCAN_PAGES = [
  ["日米同盟は地域の安全保障の礎である。", "拡大抑止の信頼性を高めるため、両国は協議を重ねている。"],
  ["The alliance coordination mechanism", "supports extended deterrence in the region."],
];

export type ScanPage = { lines: string[]; vertical?: boolean } | { text: true; lines: string[] };

function toBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.end();
  });
}

function typeset(doc: PDFKit.PDFDocument, page: { lines: string[]; vertical?: boolean }): void {
  doc.font(JAPANESE_TTF).fontSize(20);
  if (!page.vertical) {
    for (const line of page.lines) doc.text(line, { width: 480 }).moveDown(0.6);
    return;
  }
  // Tategaki: one glyph per row, columns right to left.
  let x = 520;
  for (const line of page.lines) {
    [...line].forEach((ch, i) => doc.text(ch, x, 60 + i * 26, { lineBreak: false }));
    x -= 40;
  }
}

/**
 * A PDF whose pages are images of typeset text (`{ text: true }` pages keep a real text
 * layer instead, for mixed documents). `dpi` is the resolution of the scan.
 */
export async function makeScannedPdf(pages: ScanPage[] = SCAN_PAGES.map((lines) => ({ lines })), dpi = 200): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(tmpdir(), "scan-"));
  try {
    const source = new PDFDocument({ size: "A4", autoFirstPage: false });
    for (const page of pages) typeset(source.addPage(), page);
    await writeFile(path.join(dir, "source.pdf"), await toBytes(source));
    await run("pdftoppm", ["-r", String(dpi), "-gray", "-png", path.join(dir, "source.pdf"), path.join(dir, "p")]);
    const images = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
    const out = new PDFDocument({ size: "A4", autoFirstPage: false });
    for (const [i, page] of pages.entries()) {
      out.addPage();
      if ("text" in page) typeset(out, page);
      else out.image(await readFile(path.join(dir, images[i]!)), 0, 0, { width: 595.28, height: 841.89 });
    }
    return await toBytes(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
