/**
 * Tesseract's TSV output → page text and confidence. Pure: the process that runs
 * Tesseract lives in lib/server/import/ocr.
 *
 * TSV rows are `level page block par line word left top width height conf text`; level 5
 * rows are words. Tesseract separates every recognised Japanese character by a space,
 * so words are joined with a space only where one side is not East Asian wide.
 */
import { isWideAt } from "../text/east-asian-width";

export interface OcrPageText {
  /** Lines joined by "\n", paragraphs separated by a blank line: input for the normaliser. */
  text: string;
  /** Mean word confidence, 0–100, weighted by word length; 0 for a page without words. */
  confidence: number;
  words: number;
}

function joinWords(words: readonly string[]): string {
  let out = "";
  for (const w of words) {
    if (out && !(isWideAt(out, out.length - 1) && isWideAt(w, 0))) out += " ";
    out += w;
  }
  return out;
}

/** Reads Tesseract's `tsv` output into paragraphs of lines, with the mean confidence of its words. */
export function readTesseractTsv(tsv: string): OcrPageText {
  const paragraphs = new Map<string, Map<string, string[]>>();
  let weighted = 0;
  let chars = 0;
  let words = 0;
  for (const row of tsv.split("\n").slice(1)) {
    const cols = row.split("\t");
    if (cols[0] !== "5" || cols.length < 12) continue;
    const text = cols.slice(11).join("\t").trim();
    const conf = Number(cols[10]);
    if (!text || !(conf >= 0)) continue;
    const par = `${cols[2]}.${cols[3]}`;
    const lines = paragraphs.get(par) ?? new Map<string, string[]>();
    paragraphs.set(par, lines);
    const line = lines.get(cols[4]!) ?? [];
    lines.set(cols[4]!, line);
    line.push(text);
    weighted += conf * text.length;
    chars += text.length;
    words++;
  }
  const text = [...paragraphs.values()].map((lines) => [...lines.values()].map(joinWords).join("\n")).join("\n\n");
  return { text, confidence: chars ? Math.round((weighted / chars) * 10) / 10 : 0, words };
}

/**
 * The better of two readings of one page (horizontal and vertical Japanese): the higher
 * mean confidence, unless it read almost nothing.
 */
export function betterReading(a: OcrPageText, b: OcrPageText): OcrPageText {
  const substantial = (r: OcrPageText) => r.text.replace(/\s/g, "").length >= 4;
  if (substantial(a) !== substantial(b)) return substantial(a) ? a : b;
  return b.confidence > a.confidence ? b : a;
}
