/**
 * Lands a REFI-QDA text selection (code points into the source's plain text as the suite wrote
 * it) on Synoptic's canonical text (UTF-16 code units after normalisation): code points → UTF-16
 * in the raw text, then through the normaliser's offset map. The quote is checked: the canonical
 * slice must hold the raw slice's visible characters in order (normalisation only reflows
 * whitespace and composes to NFC), else the selection is reported as moved, never placed wrong.
 */
import { codePointIndex, type CodePointIndex } from "../../export/code-points";
import { canonicalRangeOf, type OffsetMap } from "../../text/offset-map";

export type Placement =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: "out_of_range" | "empty" | "text_differs"; rawQuote: string };

export interface SourceTexts {
  raw: string;
  canonical: string;
  map: OffsetMap;
  rawIndex: CodePointIndex;
}

export function sourceTexts(raw: string, canonical: string, map: OffsetMap): SourceTexts {
  return { raw, canonical, map, rawIndex: codePointIndex(raw) };
}

const visible = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

export function placeSelection(t: SourceTexts, start: number, end: number): Placement {
  const rawCpLength = t.rawIndex.toCodePoint(t.raw.length);
  if (start < 0 || end > rawCpLength || end < start) return { ok: false, reason: "out_of_range", rawQuote: "" };
  const rs = t.rawIndex.toUtf16(start);
  const re = t.rawIndex.toUtf16(end);
  const rawQuote = t.raw.slice(rs, re);
  if (!visible(rawQuote)) return { ok: false, reason: "empty", rawQuote };
  const range = canonicalRangeOf(t.map, rs, re);
  if (!range) return { ok: false, reason: "text_differs", rawQuote };
  if (visible(t.canonical.slice(range.start, range.end)) !== visible(rawQuote)) return { ok: false, reason: "text_differs", rawQuote };
  return { ok: true, ...range };
}
