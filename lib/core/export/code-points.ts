/**
 * UTF-16 code units (the app's offsets) ↔ Unicode code points (W3C exports, Apache Annotator).
 * `𠮷` is one code point and two code units, so every astral character before an offset makes
 * the two counts differ by one. The index keeps only the positions of astral characters, so a
 * version text need not stay in memory while an export converts thousands of offsets.
 */

export interface CodePointIndex {
  /** Code point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number;
}

/** Builds the index of `text` (one pass; the text may be dropped afterwards). */
export function codePointIndex(text: string): CodePointIndex {
  // UTF-16 offsets of the low surrogate of each astral character, ascending.
  const lows: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        lows.push(i + 1);
        i++;
      }
    }
  }
  return {
    toCodePoint: (utf16) => utf16 - countBelow(lows, utf16),
    toUtf16: (codePoint) => {
      // Each astral character whose code point offset lies before `codePoint` adds one unit.
      let lo = 0;
      let hi = lows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const cpOfPair = lows[mid]! - 1 - mid; // code point offset of that astral character
        if (cpOfPair < codePoint) lo = mid + 1;
        else hi = mid;
      }
      return codePoint + lo;
    },
  };
}

/** Number of entries of sorted `values` strictly below `limit`. */
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code point length of a string. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
