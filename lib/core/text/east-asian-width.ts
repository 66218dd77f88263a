/**
 * East Asian Width (UAX #11) for the characters that matter when reflowing
 * Japanese text. A small range table instead of a dependency: the reflow rule only
 * needs to know "wide (F/W/H)", "Hangul" and "ambiguous in a CJK context".
 */

// [start, end] inclusive, sorted. Fullwidth (F), Wide (W) and Halfwidth (H) ranges.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff01, 0xff60], [0xff61, 0xffdc], [0xffe0, 0xffe6], [0xffe8, 0xffee],
  [0x16fe0, 0x16fe4], [0x17000, 0x18cd5], [0x1b000, 0x1b2ff], [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f260, 0x1f265], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

// Ambiguous (A) characters that Japanese text uses as if they were wide: circled
// numbers, reference marks, arrows, box shapes, Roman numerals, quotes, dashes, and
// the private-use / replacement characters PDF extraction leaves for unknown glyphs.
const CJK_AMBIGUOUS_RANGES: readonly (readonly [number, number])[] = [
  [0x00a7, 0x00a7], [0x00b0, 0x00b1], [0x00b4, 0x00b4], [0x00b6, 0x00b6], [0x00d7, 0x00d7],
  [0x00f7, 0x00f7], [0x2010, 0x2010], [0x2013, 0x2016], [0x2018, 0x2019], [0x201c, 0x201d],
  [0x2020, 0x2022], [0x2025, 0x2027], [0x2030, 0x2030], [0x2032, 0x2033], [0x203b, 0x203b],
  [0x2103, 0x2103], [0x2116, 0x2116], [0x2121, 0x2121], [0x2160, 0x216b], [0x2170, 0x2179],
  [0x2190, 0x2199], [0x21d2, 0x21d2], [0x21d4, 0x21d4], [0x2200, 0x22ff], [0x2460, 0x24e9],
  [0x24eb, 0x254b], [0x2550, 0x2573], [0x2580, 0x258f], [0x2592, 0x2595], [0x25a0, 0x25ef],
  [0x2605, 0x2606], [0x2609, 0x2609], [0x260e, 0x260f], [0x261c, 0x261e], [0x2640, 0x2642],
  [0x2660, 0x266f], [0x273d, 0x273d], [0x2776, 0x277f], [0xe000, 0xf8ff], [0xfffd, 0xfffd],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (r === undefined) return false;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True for East Asian Width F, W or H. */
export function isWideCodePoint(cp: number): boolean {
  if (cp < 0x1100) return false;
  return inRanges(cp, WIDE_RANGES);
}

/** True for Hangul, which CSS excludes from line-break removal (Korean uses spaces). */
export function isHangulCodePoint(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff) || (cp >= 0xffa0 && cp <= 0xffdc)
  );
}

/** True for ambiguous-width characters that behave as wide in Japanese typesetting. */
export function isCjkAmbiguousCodePoint(cp: number): boolean {
  return inRanges(cp, CJK_AMBIGUOUS_RANGES);
}

/** True when the character of the string at code-unit index `i` is East Asian wide (F/W/H). */
export function isWideAt(s: string, i: number): boolean {
  const cp = s.codePointAt(i);
  return cp !== undefined && isWideCodePoint(cp);
}

/**
 * Display width in columns: wide characters 2, ambiguous ones 2 when `cjk`, others 1.
 * Used to tell full lines from short ones in hard-wrapped text.
 */
export function displayWidth(s: string, cjk: boolean): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x1100) {
      w += cjk && c >= 0xa7 && isCjkAmbiguousCodePoint(c) ? 2 : 1;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    w += isWideCodePoint(cp) || (cjk && isCjkAmbiguousCodePoint(cp)) ? 2 : 1;
  }
  return w;
}
