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
 * - A Latin word split by a hyphen (`inter-` + `national`): the hyphen goes, no space.
 * - Anything else: one space.
 */
export function decideLineJoin(before: string, after: string, cjkContext: boolean): LineJoin {
  const a = lastCodePoint(before);
  const b = after.codePointAt(0);
  if (a === undefined || b === undefined) return { separator: "", dropHyphen: false };
  if (a === ZWSP || b === ZWSP) return { separator: "", dropHyphen: false };
  if (a === 0x2d && b >= 0x61 && b <= 0x7a && /[A-Za-z]-$/.test(before) && !/\S*:\/\/\S*$/.test(before)) {
    return { separator: "", dropHyphen: true };
  }
  const wideA = isWideForJoin(a, cjkContext);
  const wideB = isWideForJoin(b, cjkContext);
  if (wideA && wideB) {
    // The ambiguous extension needs at least one genuinely wide side: two arrows stay apart.
    if (isWideCodePoint(a) || isWideCodePoint(b)) return { separator: "", dropHyphen: false };
  }
  return { separator: " ", dropHyphen: false };
}
