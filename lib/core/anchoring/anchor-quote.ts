/**
 * Re-anchoring a quote in a text: cheapest first, as Hypothesis resolves selectors.
 *
 * 1. exact at the position: the hinted range still holds the quote;
 * 2. exact by quote: the quote occurs verbatim (several occurrences: the context decides);
 * 3. fuzzy: the quote occurs with at most min(256, length/2) errors, or only differs in
 *    whitespace (PDF line breaks, HTML indentation);
 * 4. orphaned: nothing close enough — the user re-attaches it by hand.
 */
import { matchQuote, type QuoteContext } from "./match-quote";

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

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Widens a range so that it never cuts a surrogate pair (a fuzzy match may end mid-pair). */
function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end += 1;
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

/** An anchorer for one text; it keeps per-text work (whitespace map) across many quotes. */
export function createAnchorer(text: string): (target: QuoteTarget) => AnchorResult {
  let squeezed: Squeezed | null = null;
  return (target) => {
    const { exact, position } = target;
    if (!exact) return { status: "orphaned" };
    if (position && position.start >= 0 && text.slice(position.start, position.end) === exact) {
      return { status: "exact", start: position.start, end: position.end, score: 1 };
    }
    const context: QuoteContext = { prefix: target.prefix, suffix: target.suffix, ...(position ? { hint: position.start } : {}) };
    const match = matchQuote(text, exact, context);
    if (match && match.errors === 0) return { status: "exact", start: match.start, end: match.end, score: match.score };

    // Whitespace-only differences count as fuzzy but keep the quote whole.
    squeezed ??= squeeze(text);
    const q = squeeze(exact).text;
    if (q.length > 0) {
      const at = squeezed.text.indexOf(q);
      if (at !== -1) {
        const start = squeezed.offsets[at]!;
        const end = squeezed.offsets[at + q.length - 1]! + 1;
        return { status: "fuzzy", ...wholeCharacters(text, start, end), score: match ? Math.max(match.score, 0.9) : 0.9 };
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
