/**
 * The search key of a text: NFKC, then lower case, with every whitespace character removed and
 * lone surrogates dropped, plus a map from each code unit of the key back to the UTF-16 range of
 * the source it came from. Both the indexed text and the query go through `foldKey`, so
 * ＥＤＤ = EDD, ２＋２ = 2+2, and `2+2` finds 「2＋ 2」 or a phrase broken across a line.
 */

/** A folded key and, per key code unit, the source range [start, end) it came from. */
export interface FoldedText {
  key: string;
  starts: Int32Array;
  ends: Int32Array;
}

const WHITESPACE = /\s/u;

/**
 * Marks that NFKC may compose with the character before them. Halfwidth katakana's voiced marks
 * (U+FF9E/U+FF9F) are letters, not combining marks, yet NFKC turns ｶﾞ into ガ: they must stay
 * in the segment of the character they follow.
 */
function joinsPrevious(cp: number): boolean {
  return cp === 0xff9e || cp === 0xff9f || /\p{M}/u.test(String.fromCodePoint(cp));
}

/** Characters whose fold is themselves (kana, common kanji) or a plain ASCII lower-casing: no normalize() call. */
function fastFold(cp: number): string | null {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x4e00 && cp <= 0x9fff)) return String.fromCharCode(cp);
  return null;
}

function isLoneSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const n = text.charCodeAt(i + 1);
    return !(n >= 0xdc00 && n <= 0xdfff);
  }
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Folds one segment (a character and the marks that follow it). */
function foldSegment(segment: string): string {
  return segment.normalize("NFKC").toLowerCase().normalize("NFKC");
}

/** The folded key of `text` with its offset map back into `text`. */
export function foldWithMap(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (isLoneSurrogate(text, i)) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    // Most characters of a Japanese paper have no mark after them and fold to themselves.
    const fast = fastFold(cp);
    const markFollows = j < text.length && text.charCodeAt(j) >= 0x300 && !isLoneSurrogate(text, j) && joinsPrevious(text.codePointAt(j)!);
    let folded: string;
    if (fast !== null && !markFollows) folded = fast;
    else {
      while (j < text.length && !isLoneSurrogate(text, j) && joinsPrevious(text.codePointAt(j)!)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
      folded = foldSegment(text.slice(i, j));
    }
    for (let k = 0; k < folded.length; k++) {
      const ch = folded[k]!;
      if (ch <= " " || (ch > "~" && WHITESPACE.test(ch))) continue;
      out.push(ch);
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { key: out.join(""), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The folded key alone (the query side). */
export function foldKey(text: string): string {
  return foldWithMap(text).key;
}

/** The source range [start, end) of key range [keyStart, keyEnd). */
export function sourceRange(folded: FoldedText, keyStart: number, keyEnd: number): { start: number; end: number } {
  return { start: folded.starts[keyStart] ?? 0, end: folded.ends[keyEnd - 1] ?? folded.starts[keyStart] ?? 0 };
}
