/**
 * Footnotes at the page bottom: the trailing lines of a page set smaller than the
 * body text, the first of them starting with a marker ("1", "¹", "*2", "注3", "(4)").
 * A small-type zone without a marker at its top continues the previous page's last
 * footnote.
 */
import type { LayoutLine } from "./types";

const MARKER = /^(?:([0-9]{1,3})(?=[\s\u3000.．)）]|[^\s0-9.,:/年月日％%])|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\*\s*([0-9]{1,3})|注\s*([0-9０-９]{1,3})|[（(]([0-9]{1,3})[）)]|\[([0-9]{1,3})\])/;

/** The footnote number a line starts with, or null. */
export function footnoteMarker(text: string): string | null {
  const m = MARKER.exec(text.trim());
  if (!m) return null;
  const raw = m.slice(1).find((g) => g !== undefined) ?? "";
  return raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => String("⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(d)));
}

export interface FootnoteLine {
  /** Starts a footnote (else continues the previous one). */
  start: boolean;
  label?: string;
}

/**
 * Footnote lines of each page (`pages`: reading-ordered lines without furniture).
 * `bodySize` is the font size of most of the document's text.
 */
export function findFootnotes(pages: readonly (readonly LayoutLine[])[], bodySize: number): Map<LayoutLine, FootnoteLine> {
  const out = new Map<LayoutLine, FootnoteLine>();
  let open = false;
  for (const page of pages) {
    const zone: LayoutLine[] = [];
    for (let k = page.length - 1; k >= 0; k--) {
      const line = page[k]!;
      if (line.frame !== "h" || line.size > bodySize * 0.9) break;
      zone.unshift(line);
    }
    // Small type above the first marker is a caption or a box, unless it carries on the
    // footnote the previous page left open.
    if (!(open && zone.length > 0)) while (zone.length > 0 && footnoteMarker(zone[0]!.text) === null) zone.shift();
    if (zone.length === page.length) {
      // A page all in small type is a page of its own (references, an appendix), not footnotes.
      open = false;
      continue;
    }
    const left = Math.min(...zone.map((l) => l.u0));
    for (const line of zone) {
      const label = footnoteMarker(line.text);
      const start = label !== null && line.u0 <= left + line.size * 1.5;
      out.set(line, start ? { start, label: label ?? undefined } : { start: false });
    }
    open = zone.length > 0;
  }
  return out;
}
