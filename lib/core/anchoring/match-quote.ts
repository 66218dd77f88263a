/**
 * Finds a quote in a text the way the Hypothesis client does (src/annotator/anchoring/
 * match-quote.ts, BSD-2): exact occurrences first, otherwise approximate ones (Myers'
 * algorithm, approx-string-match) with at most min(256, quote/2) errors; every candidate is
 * scored on the quote, its prefix and suffix, and the distance to where it used to be.
 */
import search from "approx-string-match";
import type { ApproxFinder } from "./approx-index";

/** Score weights, as Hypothesis names them: the quote matters most, the position least. */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_SCORE = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;
/** Hypothesis' cap on the errors allowed in a fuzzy match. */
export const MAX_ERRORS_CAP = 256;

export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  /** Normalised score in 0..1. */
  score: number;
}

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote is expected to start (UTF-16 offset). */
  hint?: number;
}

/** A stricter search than Hypothesis' (callers that must not place a quote wrongly). */
export interface MatchOptions {
  /** Errors allowed (default: min(256, quote/2)). */
  maxErrors?: number;
  /** Approximate search over `text` (default: a full Myers scan), e.g. an indexed one. */
  find?: ApproxFinder;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Every exact occurrence of `quote`, or the best approximate ones within `maxErrors`. */
function candidates(text: string, quote: string, maxErrors: number, find?: ApproxFinder): Candidate[] {
  const exact: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) exact.push({ start: at, end: at + quote.length, errors: 0 });
  if (exact.length > 0) return exact;
  return find ? find(quote, maxErrors) : search(text, quote, maxErrors);
}

/** 1 − errors/length of the best approximate occurrence of `str` in `text` (0 when none). */
export function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  if (str.length <= SHORT_CONTEXT) return 1 - fewestErrors(text, str) / str.length;
  const best = candidates(text, str, str.length)[0];
  return best ? 1 - best.errors / str.length : 0;
}

/**
 * Contexts are short (32 units as stored): a plain dynamic programme is several times faster
 * for them than a Myers search, whose set-up per call dominates at that size, and scoring a
 * quote's candidates calls this twice per candidate.
 */
const SHORT_CONTEXT = 64;

/** Fewest edits turning `str` into some substring of `text` (what the Myers search reports as errors). */
function fewestErrors(text: string, str: string): number {
  const m = str.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = m;
  for (let j = 1; j <= text.length; j++) {
    const c = text.charCodeAt(j - 1);
    cur[0] = 0;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1]! + (str.charCodeAt(i - 1) === c ? 0 : 1);
      const del = cur[i - 1]! + 1;
      const ins = prev[i]! + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    if (cur[m]! < best) best = cur[m]!;
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** The best match of `quote` in `text`, or null when no occurrence is close enough. */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchOptions = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const maxErrors = options.maxErrors ?? Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
  const found = candidates(text, quote, maxErrors, options.find);
  if (found.length === 0) return null;
  let best: QuoteMatch | null = null;
  for (const m of found) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    const raw =
      SCORE_WEIGHTS.quote * quoteScore + SCORE_WEIGHTS.prefix * prefixScore + SCORE_WEIGHTS.suffix * suffixScore + SCORE_WEIGHTS.position * positionScore;
    const score = raw / MAX_SCORE;
    if (!best || score > best.score) best = { start: m.start, end: m.end, errors: m.errors, score };
  }
  return best;
}
