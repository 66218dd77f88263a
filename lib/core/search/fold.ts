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
const MARK = /\p{M}/u;

/**
 * Per BMP code unit, learnt on first sight: 1 = neither, 2 = joins the character before it (see
 * below), 4 = whitespace. Regex tests on every character made folding ten times slower.
 */
const CLASS = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = CLASS[cp]!;
    if (known) return known;
  }
  const ch = String.fromCodePoint(cp);
  // Halfwidth katakana's voiced marks (U+FF9E/U+FF9F) are letters, not combining marks, yet
  // NFKC turns ｶﾞ into ガ: they must stay in the segment of the character they follow.
  const c = 1 | (cp === 0xff9e || cp === 0xff9f || MARK.test(ch) ? 2 : 0) | (WHITESPACE.test(ch) ? 4 : 0);
  if (cp < 0x10000) CLASS[cp] = c;
  return c;
}

/** Marks that NFKC may compose with the character before them. */
function joinsPrevious(cp: number): boolean {
  return (classOf(cp) & 2) !== 0;
}

/** Fold of characters that fold to one code unit without normalize(): ASCII and kana/common kanji (themselves); -1 otherwise. */
function fastFold(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fc) || (cp >= 0x4e00 && cp <= 0x9fff) || cp === 0x3001 || cp === 0x3002 || cp === 0x30fb) return cp;
  return -1;
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

/** Growable parallel arrays of key code units and their source ranges. */
class KeyBuilder {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(code: number, start: number, end: number): void {
    if (this.n === this.codes.length) this.grow();
    this.codes[this.n] = code;
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.n++;
  }
  private grow(): void {
    const size = this.codes.length * 2 + 16;
    const codes = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    Object.assign(this, { codes, starts, ends });
  }
  key(): string {
    let out = "";
    for (let i = 0; i < this.n; i += 8192) out += String.fromCharCode(...this.codes.subarray(i, Math.min(this.n, i + 8192)));
    return out;
  }
}

/** The folded key of `text` with its offset map back into `text`. */
export function foldWithMap(text: string): FoldedText {
  const b = new KeyBuilder(text.length + 8);
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
    if (fast >= 0 && !markFollows) {
      if (fast > 0x20) b.push(fast, i, j);
      i = j;
      continue;
    }
    while (j < text.length && !isLoneSurrogate(text, j) && joinsPrevious(text.codePointAt(j)!)) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    const folded = foldSegment(text.slice(i, j));
    for (let k = 0; k < folded.length; k++) {
      const code = folded.charCodeAt(k);
      if (code <= 0x20 || (code > 0x7e && (classOf(code) & 4) !== 0)) continue;
      b.push(code, i, j);
    }
    i = j;
  }
  return { key: b.key(), starts: b.starts.slice(0, b.n), ends: b.ends.slice(0, b.n) };
}

/** The folded key alone (the query side). */
export function foldKey(text: string): string {
  return foldWithMap(text).key;
}

/** The source range [start, end) of key range [keyStart, keyEnd). */
export function sourceRange(folded: FoldedText, keyStart: number, keyEnd: number): { start: number; end: number } {
  return { start: folded.starts[keyStart] ?? 0, end: folded.ends[keyEnd - 1] ?? folded.starts[keyStart] ?? 0 };
}
