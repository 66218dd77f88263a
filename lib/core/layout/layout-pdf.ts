/**
 * Typeset PDF → text for the normaliser plus one hint per line: pages' lines in
 * reading order, furniture marked for dropping, footnotes at the page bottom, and
 * where each body block starts (paragraphs continue across page and column breaks).
 */
import { buildLines } from "./build-lines";
import { findFootnotes } from "./find-footnotes";
import { findFurniture } from "./find-furniture";
import { orderLines } from "./order-lines";
import { segmentLines } from "./segment-lines";
import type { LayoutLine, LineHint, PdfLayout, PdfPageText } from "./types";

function bodySizeOf(lines: readonly LayoutLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Lays out the pages of a PDF (see module comment). Pure. */
export function layoutPdf(input: readonly PdfPageText[]): PdfLayout {
  const pages = input.map((p, i) => orderLines(buildLines(p, i + 1)));
  const furniture = findFurniture(pages, input.map((p) => p.height));
  const kept = pages.map((p) => p.filter((l) => !furniture.has(l)));
  const bodySize = bodySizeOf(kept.flat());
  const footnotes = findFootnotes(kept, bodySize);
  const starts = segmentLines(kept.flat().filter((l) => !footnotes.has(l)), bodySize);
  const hints: (LineHint | null)[] = [];
  const texts = pages.map((lines) => {
    if (lines.length === 0) hints.push(null);
    for (const line of lines) {
      const drop = furniture.get(line);
      const note = footnotes.get(line);
      const body = starts.get(line);
      if (drop) hints.push({ drop, role: "body", start: false });
      else if (note) hints.push({ role: "footnote", start: note.start, ...(note.label ? { label: note.label } : {}) });
      else hints.push({ role: "body", start: body?.start ?? true, ...(body?.heading ? { heading: true } : {}) });
    }
    return lines.map((l) => l.text).join("\n");
  });
  return { pages: texts, hints, hasText: pages.map((p) => p.length > 0) };
}
