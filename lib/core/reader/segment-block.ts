import type { Block } from "../text/types";

/** A run of a block's text: plain text, or a footnote marker (rendered as a link when it has a target). */
export type Segment =
  | { kind: "text"; start: number; end: number; text: string }
  | { kind: "marker"; start: number; end: number; text: string; marker: string; refIndex: number; footnoteBlock?: number };

/**
 * Cuts a block's text at its footnote markers. The segments cover the block exactly,
 * in order, without gaps: concatenating their `text` gives `text.slice(block.start,
 * block.end)`, which is what lets the annotation layer map DOM positions back to
 * canonical offsets (see `map-offsets.ts`). A block without markers is one segment,
 * so it renders as a single text node.
 */
export function segmentBlock(text: string, block: Block): Segment[] {
  const out: Segment[] = [];
  let cursor = block.start;
  (block.footnoteRefs ?? []).forEach((ref, refIndex) => {
    if (ref.start < cursor || ref.end > block.end || ref.end <= ref.start) return;
    if (ref.start > cursor) out.push({ kind: "text", start: cursor, end: ref.start, text: text.slice(cursor, ref.start) });
    const marker: Segment = { kind: "marker", start: ref.start, end: ref.end, text: text.slice(ref.start, ref.end), marker: ref.marker, refIndex };
    if (ref.footnoteBlock !== undefined) marker.footnoteBlock = ref.footnoteBlock;
    out.push(marker);
    cursor = ref.end;
  });
  if (cursor < block.end || out.length === 0) out.push({ kind: "text", start: cursor, end: block.end, text: text.slice(cursor, block.end) });
  return out;
}

/** A block's text without its footnote markers, for outline entries and labels. */
export function plainTextOf(text: string, block: Block): string {
  return segmentBlock(text, block)
    .filter((s) => s.kind === "text")
    .map((s) => s.text)
    .join("")
    .trim();
}

/**
 * Splits off the last character (a whole surrogate pair when there is one) of the text
 * before a footnote marker, so the reader can keep the two on one line: a marker must
 * not start a line ("会\n⁹"). The text itself is unchanged, only cut in two.
 */
export function splitLastChar(s: string): [string, string] {
  if (s.length === 0) return ["", ""];
  const low = s.charCodeAt(s.length - 1);
  const high = s.length > 1 ? s.charCodeAt(s.length - 2) : 0;
  const width = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
  return [s.slice(0, s.length - width), s.slice(s.length - width)];
}
