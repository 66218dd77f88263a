/**
 * A small typesetter over pdfkit for test PDFs with known paragraphs: running
 * headers, page numbers in a chosen form, footnotes in a smaller size at the page
 * bottom, paragraphs that cross page breaks, two-column pages, a vertical (tategaki)
 * page, and hyphenated English lines. Lines are broken here (not by pdfkit) so the
 * tests know what the PDF holds.
 */
import PDFDocument from "pdfkit";
import { JAPANESE_TTF } from "./fixtures";

export type Piece = { kind: "heading"; text: string } | { kind: "para"; text: string; notes?: string[] } | { kind: "columns" } | { kind: "single" } | { kind: "vertical"; paras: string[] };

export interface Style {
  size: number;
  margin: number;
  header: (page: number) => string;
  pageNumber: (page: number, pages: number) => string;
  /** Paragraph starts: an indent of one em, or a blank line's worth of space. */
  indent: boolean;
  hyphenate?: boolean;
}

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/;
const NO_START = /^[、。，．）」』！？]/;

interface Page {
  notes: string[];
}

/** Renders `pieces` with `style`; resolves to the PDF bytes. */
export function typeset(pieces: readonly Piece[], style: Style): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", bufferPages: true, margins: { top: style.margin, bottom: 20, left: style.margin, right: style.margin }, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.font(JAPANESE_TTF);
  const W = 595.28;
  const H = 841.89;
  const lead = style.size * 1.6;
  const bodyBottom = H - style.margin - 70; // room for footnotes
  const pages: Page[] = [];
  let columns = 1;
  let col = 0;
  let y = 0;
  const newPage = (): void => {
    doc.addPage();
    pages.push({ notes: [] });
    col = 0;
    y = style.margin;
  };
  const frame = (): { x: number; width: number } => {
    const full = W - 2 * style.margin;
    if (columns === 1) return { x: style.margin, width: full };
    const width = (full - 20) / 2;
    return { x: style.margin + col * (width + 20), width };
  };
  const advance = (): void => {
    if (y + lead <= bodyBottom) return;
    if (columns === 2 && col === 0) {
      col = 1;
      y = style.margin;
    } else newPage();
  };
  newPage();
  for (const piece of pieces) {
    if (piece.kind === "columns" || piece.kind === "single") {
      if (y > style.margin) newPage();
      columns = piece.kind === "columns" ? 2 : 1;
      continue;
    }
    if (piece.kind === "vertical") {
      if (y > style.margin) newPage();
      drawVertical(doc, piece.paras, style, W, H);
      y = bodyBottom + 1;
      continue;
    }
    const size = piece.kind === "heading" ? style.size * 1.4 : style.size;
    doc.fontSize(size);
    if (piece.kind === "heading") y += lead * 0.6;
    else if (!style.indent) y += lead * 0.5;
    const f = frame();
    const indent = piece.kind === "para" && style.indent ? size : 0;
    for (const [k, line] of breakLines(doc, piece.text, f.width, indent, style.hyphenate === true).entries()) {
      advance();
      const g = frame();
      doc.fontSize(size).text(line, g.x + (k === 0 ? indent : 0), y, { lineBreak: false });
      y += piece.kind === "heading" ? lead * 1.3 : lead;
    }
    if (piece.kind === "para") pages[pages.length - 1]!.notes.push(...(piece.notes ?? []));
  }
  const total = pages.length;
  pages.forEach((page, i) => {
    doc.switchToPage(i);
    doc.fontSize(style.size * 0.8);
    doc.text(style.header(i + 1), style.margin, style.margin - 30, { lineBreak: false });
    const num = style.pageNumber(i + 1, total);
    doc.text(num, (W - doc.widthOfString(num)) / 2, H - 36, { lineBreak: false });
    let ny = bodyBottom + 12;
    doc.fontSize(style.size * 0.75);
    for (const note of page.notes) {
      for (const line of breakLines(doc, note, W - 2 * style.margin, 0, false)) {
        doc.text(line, style.margin, ny, { lineBreak: false });
        ny += style.size * 1.1;
      }
    }
  });
  doc.end();
  return done;
}

/** Greedy line breaking: by character for Japanese, by word (optionally hyphenated) for English. */
function breakLines(doc: PDFKit.PDFDocument, text: string, width: number, indent: number, hyphenate: boolean): string[] {
  const tokens = WIDE.test(text) ? [...text] : text.split(/(?<= )/);
  const lines: string[] = [];
  let cur = "";
  const room = (): number => width - (lines.length === 0 ? indent : 0);
  for (const tok of tokens) {
    if (doc.widthOfString(cur + tok.trimEnd()) <= room() || cur === "" || (WIDE.test(tok) && NO_START.test(tok))) {
      cur += tok;
      continue;
    }
    const word = tok.trimEnd();
    if (hyphenate && /^[a-z]{8,}$/.test(word)) {
      const cut = [...Array(word.length - 5).keys()].map((i) => word.length - 3 - i).find((c) => doc.widthOfString(cur + word.slice(0, c) + "-") <= room());
      if (cut !== undefined) {
        lines.push(cur + word.slice(0, cut) + "-");
        cur = tok.slice(cut);
        continue;
      }
    }
    lines.push(cur.trimEnd());
    cur = tok;
  }
  if (cur.trim() !== "") lines.push(cur.trimEnd());
  return lines;
}

// Tategaki: each character upright, columns top to bottom, right to left.
function drawVertical(doc: PDFKit.PDFDocument, paras: readonly string[], style: Style, W: number, H: number): void {
  const size = style.size;
  const perColumn = Math.floor((H - 2 * style.margin - 60) / size);
  let x = W - style.margin - size;
  doc.fontSize(size);
  for (const para of paras) {
    const chars = ["", ...para]; // an indent of one character starts the paragraph
    for (let k = 0; k < chars.length; k += perColumn) {
      chars.slice(k, k + perColumn).forEach((ch, j) => {
        if (ch) doc.text(ch, x, style.margin + j * size, { lineBreak: false });
      });
      x -= size * 1.7;
    }
  }
}
