/**
 * Spaces that PDF extraction puts around half-width digits set between Japanese
 * characters: 「2025年 3 月 7 ～ 8 日」, 「第 6条」, 「「 2＋ 2」」. Japanese typography
 * sets such digits without spaces, so a run of ASCII spaces between a wide character
 * and a digit run whose other side is wide too (or the line's edge) is an artefact.
 * Ideographic spaces (U+3000) are typography, never touched.
 */
import { isWideCodePoint } from "./east-asian-width";

const DIGITS = /[0-9][0-9,.]*/y;

function isWideChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === "\u3000") return false;
  return isWideCodePoint(ch.codePointAt(0) ?? 0);
}

// The character past the digit run starting at `i` (spaces skipped), or "" at the line end.
function pastDigitsForward(text: string, i: number): string | undefined {
  DIGITS.lastIndex = i;
  const m = DIGITS.exec(text);
  if (!m) return undefined;
  const rest = text.slice(i + m[0].length).replace(/^ +/, "");
  return rest.length === 0 ? "" : rest[0];
}

function pastDigitsBackward(text: string, end: number): string | undefined {
  let i = end;
  while (i > 0 && /[0-9,.]/.test(text[i - 1] ?? "")) i--;
  if (i === end || !/[0-9]/.test(text[i] ?? "")) return undefined;
  const before = text.slice(0, i).replace(/ +$/, "");
  return before.length === 0 ? "" : before[before.length - 1];
}

/** True when text[start, end) (ASCII spaces only) is an extraction artefact (see module comment). */
export function isArtefactSpace(text: string, start: number, end: number): boolean {
  if (!/^ +$/.test(text.slice(start, end))) return false;
  const left = text[start - 1];
  const right = text[end];
  if (isWideChar(left) && /[0-9]/.test(right ?? "")) {
    const other = pastDigitsForward(text, end);
    return other !== undefined && isWideChar(other);
  }
  if (/[0-9]/.test(left ?? "") && isWideChar(right)) {
    const other = pastDigitsBackward(text, start);
    // "…示している。1 次に": a footnote number after a full stop keeps the space that ends it.
    return other !== undefined && isWideChar(other) && !/[。．]/.test(other);
  }
  return false;
}
