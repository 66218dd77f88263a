/**
 * What replaces a hard line break inside a paragraph: CSS Text 3 "segment break
 * transformation" (https://drafts.csswg.org/css-text-3/#line-break-transform), plus
 * the two things extracted Japanese text needs on top of it.
 */
import { isCjkAmbiguousCodePoint, isHangulCodePoint, isWideCodePoint } from "./east-asian-width";

export interface LineJoin {
  /** "" (break removed) or " " (break becomes a space). */
  separator: "" | " ";
  /** True when the line ended in a hyphen that splits one Latin word: drop it. */
  dropHyphen: boolean;
}

const ZWSP = 0x200b;

/** Words of the document, to tell a line-end hyphenation from a real hyphen. */
export interface Lexicon {
  /** Lower-cased words written without a hyphen ("coordination"). */
  words: ReadonlySet<string>;
  /** Lower-cased compounds written with a hyphen inside a line ("post-war"). */
  hyphenated: ReadonlySet<string>;
}

// Prefixes English keeps hyphenated before a word ("post-war", "non-nuclear", "self-defense").
const HYPHEN_PREFIXES = new Set(["post", "non", "self", "ex", "anti", "cross", "well", "quasi", "counter", "mid"]);

const isAsciiDigit = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;

// The document's own spelling decides first; then a capitalised first part ("US-",
// "Japan-") or second part, or a prefix that keeps its hyphen, means a real hyphen.
function keepsHyphen(first: string, second: string, lexicon: Lexicon | undefined): boolean {
  const compound = `${first}-${second}`.toLowerCase();
  if (lexicon?.hyphenated.has(compound)) return true;
  if (lexicon?.words.has((first + second).toLowerCase())) return false;
  if (/^[A-Z]/.test(first) || /^[A-Z]/.test(second)) return true;
  return HYPHEN_PREFIXES.has(first.toLowerCase());
}

function lastCodePoint(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xdc00 && last <= 0xdfff && s.length >= 2) return s.codePointAt(s.length - 2);
  return last;
}

// Curly quotes are ambiguous too, but in Japanese papers they wrap Latin words (“Shape”).
const QUOTES = new Set([0x2018, 0x2019, 0x201c, 0x201d]);

function isWideForJoin(cp: number, cjkContext: boolean): boolean {
  if (isHangulCodePoint(cp)) return false;
  if (isWideCodePoint(cp)) return true;
  return cjkContext && isCjkAmbiguousCodePoint(cp) && !QUOTES.has(cp);
}

/**
 * Decides how to join a line ending in `before` with the next line starting with
 * `after` (both already stripped of the surrounding spaces, which CSS collapses).
 *
 * - Both sides East Asian wide (F/W/H, not Hangul), or either side U+200B: no space.
 *   With `cjkContext` (a Japanese document), ambiguous-width symbols next to a wide
 *   character also join without a space: `…に関わる\uFFFD` + `日米…` is one phrase.
 * - A Latin word split by a hyphen (`inter-` + `national`): the hyphen goes, no space;
 *   a real hyphen (`post-` + `war`, `US-` + `Japan`, see `keepsHyphen`) stays, no space.
 * - In a Japanese document a half-width digit next to a wide character: no space.
 * - Anything else: one space.
 */
export function decideLineJoin(before: string, after: string, cjkContext: boolean, lexicon?: Lexicon): LineJoin {
  const a = lastCodePoint(before);
  const b = after.codePointAt(0);
  if (a === undefined || b === undefined) return { separator: "", dropHyphen: false };
  if (a === ZWSP || b === ZWSP) return { separator: "", dropHyphen: false };
  const first = /([A-Za-z]+)-$/.exec(before)?.[1];
  const second = /^[A-Za-z]+/.exec(after)?.[0];
  if (first !== undefined && second !== undefined && !/\S*:\/\/\S*$/.test(before)) {
    return { separator: "", dropHyphen: !keepsHyphen(first, second, lexicon) };
  }
  const wideA = isWideForJoin(a, cjkContext);
  const wideB = isWideForJoin(b, cjkContext);
  // A half-width digit against a wide character in Japanese: "2025年" + "3月" never had a space.
  if (cjkContext && ((wideA && isAsciiDigit(b)) || (isAsciiDigit(a) && wideB))) return { separator: "", dropHyphen: false };
  if (wideA && wideB) {
    // The ambiguous extension needs at least one genuinely wide side: two arrows stay apart.
    if (isWideCodePoint(a) || isWideCodePoint(b)) return { separator: "", dropHyphen: false };
  }
  return { separator: " ", dropHyphen: false };
}
