/**
 * Where an annotation's anchor lands in the version a pane shows. An anchor names the version
 * it was made on; when that is the pane's version its offsets are checked against the quote,
 * otherwise the quote is looked for: verbatim first (exact match, the occurrence whose context
 * agrees best, nearest to the old offset on a tie), then approximately, for passages the new
 * version edited (a typo fixed, punctuation changed, a PDF re-extracted with other line
 * breaks). Anything that cannot be placed with confidence is an orphan: shown in the list,
 * never painted somewhere wrong.
 */
import { createAnchorer, createTextIndex, MAX_ERRORS_CAP, isHighSurrogate, isLowSurrogate, matchQuote, wholeCharacters, type TextIndex } from "../anchoring";
import { checkAnchor, CONTEXT_LENGTH, type TextAnchor } from "../collab/anchor";

export type Placement =
  | { status: "exact"; start: number; end: number }
  | { status: "moved"; start: number; end: number }
  /**
   * Re-found approximately in another version: the text at start..end differs from the stored
   * quote (edited, or only in whitespace). `score` (0..1) is the anchorer's confidence.
   */
  | { status: "fuzzy"; start: number; end: number; score: number }
  | { status: "orphan"; reason: "other_version" | "quote_mismatch" };

/** Searching is bounded: a quote found this often without agreeing context is ambiguous. */
const MAX_CANDIDATES = 200;

/**
 * Quotes shorter than this (code points, whitespace aside) are only placed verbatim: a word or
 * two with an edit in it matches some other place of any long text.
 */
export const FUZZY_MIN_LENGTH = 8;
/**
 * Errors allowed in an approximate match, as a share of the quote: an edit or two in a
 * sentence, not a rewrite. Half of Hypothesis' share: the annotation stays on its own version
 * whatever happens here, so only small edits need surviving; and the fewer errors allowed,
 * the longer the pieces the search index looks up, and the cheaper the search.
 */
export const FUZZY_MAX_ERROR_RATE = 0.25;
/**
 * The anchorer's score (quote 50, prefix 20, suffix 20, position 2 of 92) a match needs.
 * Measured on the demo papers (1,500 random passages): passages of 8–200 characters with one
 * or two edits, their context edited too, scored 0.83 and up where they really were; the best
 * wrong places (a near copy elsewhere without its context, the neighbourhood of a deleted or
 * rewritten passage) 0.75 at most.
 */
export const FUZZY_MIN_SCORE = 0.8;

/** Places anchors in one text; the search's per-text work is kept across anchors. */
export interface Placer {
  /** Verbatim, else approximate, else orphan. */
  place(anchor: TextAnchor): Placement;
}

/**
 * A placer for `text`. Anchors of other versions are looked up through an index of the text
 * (built at the first such anchor, kept with the placer): every lookup then costs about the
 * quote's occurrences instead of a scan of the whole text.
 */
export function createPlacer(text: string, currentVersionId: string): Placer {
  let index: TextIndex | null = null;
  let anchorer: ReturnType<typeof createAnchorer> | null = null;
  const own = (anchor: TextAnchor): Placement =>
    checkAnchor(text, anchor) === null ? { status: "exact", start: anchor.start, end: anchor.end } : { status: "orphan", reason: "quote_mismatch" };
  return {
    place(anchor) {
      if (anchor.versionId === currentVersionId) return own(anchor);
      index ??= createTextIndex(text);
      const found = findVerbatim(index, anchor);
      if (found && found !== "ambiguous") return found;
      if (codePointsBesidesWhitespace(anchor.exact) < FUZZY_MIN_LENGTH) return ORPHAN;
      const near = findNearby(index, anchor);
      if (near.placement) return near.placement;
      // The whole text is searched only when it could tell more: not for a quote it holds
      // verbatim (the search would return those copies, which the context could not tell
      // apart), nor where the passage's own context closes up over its place (deleted or
      // rewritten there; a copy elsewhere would lack that context and score too low).
      if (found === "ambiguous" || near.pinned) return ORPHAN;
      anchorer ??= createAnchorer(text, { maxErrorRate: FUZZY_MAX_ERROR_RATE, index });
      const r = anchorer({ exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, position: { start: anchor.start, end: anchor.end } });
      if (r.status !== "fuzzy" || r.score < FUZZY_MIN_SCORE) return ORPHAN;
      return { status: "fuzzy", start: r.start, end: r.end, score: r.score };
    },
  };
}

/** Places one anchor (a placer for one anchor; use createPlacer for many in the same text). */
export function placeAnchor(text: string, currentVersionId: string, anchor: TextAnchor): Placement {
  return createPlacer(text, currentVersionId).place(anchor);
}

const ORPHAN: Placement = { status: "orphan", reason: "other_version" };

/** Context pieces looked up verbatim to guess where an edited passage now starts. */
const NEAR_PIECE = 12;

/**
 * The cheap case of an edited passage: where its own context (the units next to it) or its old
 * offset still are, scored exactly as the whole-text search scores. Most edited passages are
 * found here in microseconds; the whole text is searched only for the rest, which is what
 * makes thousands of anchors on a rewritten version affordable. `pinned`: the units before and
 * after the passage were both found, at most a passage apart: its place is known.
 */
function findNearby(index: TextIndex, anchor: TextAnchor): { placement: Placement | null; pinned: boolean } {
  const { text } = index;
  const m = anchor.exact.length;
  const k = Math.min(MAX_ERRORS_CAP, Math.floor(m * FUZZY_MAX_ERROR_RATE));
  // Where the passage would start: after its prefix, before its suffix, else at its old offset.
  const guesses: number[] = [];
  let afterPrefix = -1;
  let beforeSuffix = -1;
  const before = anchor.prefix.slice(-NEAR_PIECE);
  if (before.length === NEAR_PIECE) {
    const at = nearest(index.occurrences(before, MAX_CANDIDATES), anchor.start - before.length);
    if (at >= 0) guesses.push((afterPrefix = at + before.length));
  }
  const after = anchor.suffix.slice(0, NEAR_PIECE);
  if (after.length === NEAR_PIECE) {
    const at = nearest(index.occurrences(after, MAX_CANDIDATES), anchor.end);
    if (at >= 0) guesses.push((beforeSuffix = at) - m);
  }
  const gap = beforeSuffix - afterPrefix;
  const pinned = afterPrefix >= 0 && beforeSuffix >= 0 && gap >= -NEAR_PIECE && gap <= m + k;
  if (guesses.length === 0 && anchor.start <= text.length) guesses.push(anchor.start);
  // One window per guess, overlapping ones merged (the prefix and suffix usually agree); the
  // margin holds the errors and the context the score compares.
  const margin = k + CONTEXT_LENGTH;
  const windows: { from: number; to: number; hint: number }[] = [];
  for (const guess of guesses.sort((a, b) => a - b)) {
    const from = Math.max(0, guess - margin);
    const to = Math.min(text.length, guess + m + margin);
    const last = windows[windows.length - 1];
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else windows.push({ from, to, hint: guess });
  }
  let best: { start: number; end: number; score: number } | null = null;
  for (const { from, to, hint } of windows) {
    if (to - from < m - k) continue;
    const found = matchQuote(text.slice(from, to), anchor.exact, { prefix: anchor.prefix, suffix: anchor.suffix, hint: hint - from }, { maxErrors: k });
    // errors 0 is a verbatim occurrence the verbatim search found ambiguous: not ours to pick.
    if (found && found.errors > 0 && (!best || found.score > best.score)) best = { start: found.start + from, end: found.end + from, score: found.score };
  }
  if (best && best.score >= FUZZY_MIN_SCORE) return { placement: { status: "fuzzy", ...wholeCharacters(text, best.start, best.end), score: best.score }, pinned };
  // More whitespace changed than errors are allowed (a PDF that spaced out every character,
  // re-extracted without): between its context the passage reads the same without it.
  if (pinned && gap > 0) {
    const between = text.slice(afterPrefix, beforeSuffix);
    const bare = withoutWhitespace(anchor.exact);
    if (bare.length > 0 && withoutWhitespace(between) === bare) {
      const start = afterPrefix + (between.length - between.trimStart().length);
      const end = beforeSuffix - (between.length - between.trimEnd().length);
      const score = matchQuote(withoutWhitespace(text.slice(Math.max(0, start - margin), end + margin)), bare, {
        prefix: withoutWhitespace(anchor.prefix),
        suffix: withoutWhitespace(anchor.suffix),
      })?.score;
      if (score !== undefined && score >= FUZZY_MIN_SCORE) return { placement: { status: "fuzzy", start, end, score }, pinned };
    }
  }
  return { placement: null, pinned };
}

const withoutWhitespace = (s: string) => s.replace(/\s+/g, "");

/** The position nearest to `near`, or -1. */
function nearest(positions: readonly number[], near: number): number {
  let best = -1;
  for (const at of positions) if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  return best;
}

/** The anchor of another version, found verbatim; null when it is not, "ambiguous" when copies are but the context cannot choose. */
function findVerbatim(index: TextIndex, anchor: TextAnchor): Placement | "ambiguous" | null {
  const { text } = index;
  if (text.slice(anchor.start, anchor.end) === anchor.exact && contextScore(text, anchor, anchor.start) > 0) {
    return { status: "moved", start: anchor.start, end: anchor.end };
  }
  // One more than are scored, to know whether the quote is unique.
  const found = index.occurrences(anchor.exact, MAX_CANDIDATES + 1);
  let best: { at: number; score: number } | null = null;
  for (const at of found.slice(0, MAX_CANDIDATES)) {
    const score = contextScore(text, anchor, at) - Math.abs(at - anchor.start) / (text.length + 1);
    if (!best || score > best.score) best = { at, score };
  }
  // Without context agreement only a quote unique in the text counts.
  if (best && (best.score > 0 || found.length === 1)) return { status: "moved", start: best.at, end: best.at + anchor.exact.length };
  return best ? "ambiguous" : null;
}

/** Characters of prefix (from its end) and suffix (from its start) that agree with the text at `at`. */
function contextScore(text: string, anchor: TextAnchor, at: number): number {
  let score = 0;
  for (let i = 1; i <= anchor.prefix.length && text[at - i] === anchor.prefix[anchor.prefix.length - i]; i++) score++;
  const end = at + anchor.exact.length;
  for (let i = 0; i < anchor.suffix.length && text[end + i] === anchor.suffix[i]; i++) score++;
  return score;
}

function codePointsBesidesWhitespace(s: string): number {
  let n = 0;
  for (const c of s) if (!/\s/.test(c)) n++;
  return n;
}

/** One side of a changed quote: unchanged lead, the part that differs, unchanged tail. */
export interface QuoteSide {
  lead: string;
  changed: string;
  tail: string;
}

/**
 * What changed between a stored quote and the text now at its place, for showing both: the
 * common beginning and end are cut to `keep` code units around the difference (… marks a cut),
 * at character boundaries, so a long passage with one fixed typo shows the typo.
 */
export function quoteChange(before: string, after: string, keep = 24): { before: QuoteSide; after: QuoteSide } {
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a surrogate pair between the unchanged and the changed part.
  if (head > 0 && isHighSurrogate(before.charCodeAt(head - 1))) head--;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  const leadFrom = atBoundary(before, Math.max(0, head - keep), +1);
  const lead = (leadFrom > 0 ? "…" : "") + before.slice(leadFrom, head);
  const tailTo = atBoundary(before, Math.min(before.length, before.length - tail + keep), -1);
  const trail = before.slice(before.length - tail, tailTo) + (tailTo < before.length ? "…" : "");
  const side = (s: string): QuoteSide => ({ lead, changed: s.slice(head, s.length - tail), tail: trail });
  return { before: side(before), after: side(after) };
}

/** `at`, moved by `dir` off the middle of a surrogate pair. */
function atBoundary(s: string, at: number, dir: 1 | -1): number {
  return at > 0 && at < s.length && isLowSurrogate(s.charCodeAt(at)) && isHighSurrogate(s.charCodeAt(at - 1)) ? at + dir : at;
}
