/**
 * Text anchors of annotations: a TextPositionSelector (start/end in UTF-16 code units into the
 * immutable text of one document version) plus a TextQuoteSelector (the exact quote and up to
 * 32 code units of context on each side, as Hypothesis does). Pure string code.
 */

/** Context kept on each side of the quote, in UTF-16 code units. */
export const CONTEXT_LENGTH = 32;

export interface TextAnchor {
  versionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnchorProblem =
  | "range_outside_text"
  | "range_empty"
  | "range_splits_character"
  | "quote_mismatch"
  | "context_mismatch";

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `i` falls between the two halves of a surrogate pair (for example inside 𠮷). */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/**
 * Builds the anchor of `text.slice(start, end)`. Context is cut at code point boundaries so that
 * it never holds half a character (a lone surrogate would not survive UTF-8 storage).
 */
export function buildAnchor(text: string, versionId: string, start: number, end: number): TextAnchor {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from += 1;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, to)) to -= 1;
  return { versionId, start, end, exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/**
 * Checks an anchor against the text of its version: the range lies inside the text, does not
 * cut a character in two, and the quote and its context are what the text says there.
 * Returns the first problem, or null when the anchor is sound.
 */
export function checkAnchor(text: string, anchor: Omit<TextAnchor, "versionId">): AnchorProblem | null {
  const { start, end, exact, prefix, suffix } = anchor;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return "range_outside_text";
  if (end <= start) return "range_empty";
  if (splitsPair(text, start) || splitsPair(text, end)) return "range_splits_character";
  if (text.slice(start, end) !== exact) return "quote_mismatch";
  if (prefix.length > CONTEXT_LENGTH || suffix.length > CONTEXT_LENGTH) return "context_mismatch";
  if (text.slice(start - prefix.length, start) !== prefix || start - prefix.length < 0) return "context_mismatch";
  if (text.slice(end, end + suffix.length) !== suffix) return "context_mismatch";
  return null;
}
