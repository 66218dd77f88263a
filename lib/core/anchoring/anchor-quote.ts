/**
 * Re-anchoring a quote in a text: cheapest first, as Hypothesis resolves selectors.
 *
 * 1. exact at the position: the hinted range still holds the quote;
 * 2. exact by quote: the quote occurs verbatim (several occurrences: the context decides);
 * 3. fuzzy: the quote occurs with at most min(256, length/2) errors (or a stricter share the
 *    caller sets), or only differs in whitespace (PDF line breaks, HTML indentation);
 * 4. orphaned: nothing close enough — the user re-attaches it by hand.
 */
import { createTextIndex, type TextIndex } from "./approx-index";
import { MAX_ERRORS_CAP, matchQuote, type MatchOptions, type QuoteContext } from "./match-quote";

export type AnchorStatus = "exact" | "fuzzy" | "orphaned";

export type AnchorResult =
  | { status: "exact" | "fuzzy"; start: number; end: number; score: number }
  | { status: "orphaned" };

export interface QuoteTarget {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** The former range (UTF-16), used first and then as a position hint. */
  position?: { start: number; end: number };
}

/** UTF-16 surrogate halves: a range boundary between the two cuts a character. */
export const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Widens a range so that it never cuts a surrogate pair (a fuzzy match may end mid-pair). */
export function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
  return { start, end };
}

/** Text without whitespace plus, for each kept character, its offset in the original. */
interface Squeezed {
  text: string;
  offsets: number[];
}

function squeeze(s: string): Squeezed {
  let text = "";
  const offsets: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (/\s/.test(c)) continue;
    text += c;
    offsets.push(i);
  }
  return { text, offsets };
}

/** The first index whose offset is at least `at` (squeezed position of an original offset). */
function squeezedAt(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface AnchorerOptions {
  /**
   * Fuzzy matches may differ from the quote in at most this share of its length (capped at
   * 256 errors). Unset: Hypothesis' quote/2 and a full scan of the text per quote, as the
   * W3C import has always done. Set: the approximate search goes through an index of the
   * text, which keeps thousands of quotes cheap (see approx-index.ts).
   */
  maxErrorRate?: number;
  /** That index, when the caller already holds one for this text. */
  index?: TextIndex;
}

/** An anchorer for one text; it keeps per-text work (whitespace map, search index) across many quotes. */
export function createAnchorer(text: string, options: AnchorerOptions = {}): (target: QuoteTarget) => AnchorResult {
  let squeezed: Squeezed | null = null;
  let index = options.index ?? null;
  const { maxErrorRate } = options;
  const matchOptions = (quote: string): MatchOptions => {
    if (maxErrorRate === undefined) return {};
    index ??= createTextIndex(text);
    return { maxErrors: Math.min(MAX_ERRORS_CAP, Math.floor(quote.length * maxErrorRate)), find: index.approx };
  };
  return (target) => {
    const { exact, position } = target;
    if (!exact) return { status: "orphaned" };
    if (position && position.start >= 0 && text.slice(position.start, position.end) === exact) {
      return { status: "exact", start: position.start, end: position.end, score: 1 };
    }
    const context: QuoteContext = { prefix: target.prefix, suffix: target.suffix, ...(position ? { hint: position.start } : {}) };
    const match = matchQuote(text, exact, context, matchOptions(exact));
    if (match && match.errors === 0) return { status: "exact", start: match.start, end: match.end, score: match.score };

    // Whitespace-only differences count as fuzzy but keep the quote whole.
    squeezed ??= squeeze(text);
    const q = squeeze(exact).text;
    if (q.length > 0 && squeezed.text.includes(q)) {
      // Several occurrences: the context (whitespace aside too) and the position decide, as
      // for verbatim quotes; the score says how well the context agrees.
      const hint = position ? squeezedAt(squeezed.offsets, position.start) : undefined;
      const around = { prefix: squeeze(target.prefix ?? "").text, suffix: squeeze(target.suffix ?? "").text, ...(hint === undefined ? {} : { hint }) };
      const found = matchQuote(squeezed.text, q, around);
      if (found) {
        const start = squeezed.offsets[found.start]!;
        const end = squeezed.offsets[found.end - 1]! + 1;
        return { status: "fuzzy", ...wholeCharacters(text, start, end), score: found.score };
      }
    }
    if (match) return { status: "fuzzy", ...wholeCharacters(text, match.start, match.end), score: match.score };
    return { status: "orphaned" };
  };
}

/** Anchors one quote in `text`. */
export function anchorQuote(text: string, target: QuoteTarget): AnchorResult {
  return createAnchorer(text)(target);
}
