/**
 * Offset maps from canonical text back to raw input, stored as run-length
 * segments so a 1 MB document costs a few thousand runs, not a million entries.
 */

/**
 * Sorted runs. Run k starts at canonical offset `canon[k]`; when `copy[k]` is 1 the
 * canonical offsets of the run map one-to-one onto raw offsets from `raw[k]`, when it
 * is 0 (text the normaliser inserted: a space, a block separator) they all map to `raw[k]`.
 */
export interface OffsetMap {
  readonly canon: Int32Array;
  readonly raw: Int32Array;
  readonly copy: Uint8Array;
  /** Length of the canonical text. */
  readonly length: number;
  /** Length of the raw input. */
  readonly rawLength: number;
}

/**
 * Raw offset of the character at `canonicalOffset`. Offsets past the end map to the
 * end of the raw input; inserted characters map to where they were inserted.
 */
export function rawOffsetAt(map: OffsetMap, canonicalOffset: number): number {
  if (canonicalOffset >= map.length) return map.rawLength;
  if (canonicalOffset < 0 || map.canon.length === 0) return 0;
  let lo = 0;
  let hi = map.canon.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.canon[mid] ?? 0) <= canonicalOffset) lo = mid;
    else hi = mid - 1;
  }
  const base = map.raw[lo] ?? 0;
  return map.copy[lo] === 1 ? base + (canonicalOffset - (map.canon[lo] ?? 0)) : base;
}

/** Plain-JSON form of an offset map (for storage next to the canonical text). */
export function serialiseOffsetMap(map: OffsetMap): { canon: number[]; raw: number[]; copy: number[]; length: number; rawLength: number } {
  return { canon: [...map.canon], raw: [...map.raw], copy: [...map.copy], length: map.length, rawLength: map.rawLength };
}

/** Inverse of `serialiseOffsetMap`. */
export function deserialiseOffsetMap(json: { canon: number[]; raw: number[]; copy: number[]; length: number; rawLength: number }): OffsetMap {
  return {
    canon: Int32Array.from(json.canon),
    raw: Int32Array.from(json.raw),
    copy: Uint8Array.from(json.copy),
    length: json.length,
    rawLength: json.rawLength,
  };
}

/**
 * Accumulates canonical text as slices of a source string plus inserted strings,
 * recording runs against source offsets. Parts go into an array and are joined once
 * at the end, so building is linear in the output size.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly runCanon: number[] = [];
  private readonly runSrc: number[] = [];
  private readonly runCopy: number[] = [];
  private len = 0;

  constructor(private readonly source: string) {}

  get length(): number {
    return this.len;
  }

  /** Copies source[start, end). */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.source.slice(start, end));
    const k = this.runCanon.length - 1;
    // Extend the previous copy run when this slice continues it: fewer runs.
    if (k >= 0 && this.runCopy[k] === 1 && (this.runSrc[k] ?? 0) + (this.len - (this.runCanon[k] ?? 0)) === start) {
      this.len += end - start;
      return;
    }
    this.pushRun(start, 1);
    this.len += end - start;
  }

  /** Inserts text that is not in the source; it maps to `sourceOffset`. */
  insert(text: string, sourceOffset: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.pushRun(sourceOffset, 0);
    this.len += text.length;
  }

  /** The text and its runs against source offsets. */
  finish(): { text: string; canon: number[]; src: number[]; copy: number[] } {
    return { text: this.parts.join(""), canon: this.runCanon, src: this.runSrc, copy: this.runCopy };
  }

  private pushRun(src: number, copy: number): void {
    this.runCanon.push(this.len);
    this.runSrc.push(src);
    this.runCopy.push(copy);
  }
}

/**
 * Turns runs against the prepared (cleaned, NFC) string into an OffsetMap against the
 * raw input, through `prepToRaw` (prepared offset → raw offset, one entry more than the
 * prepared length). Copy runs are split wherever the prepared→raw mapping jumps.
 */
export function composeOffsetMap(
  runs: { canon: number[]; src: number[]; copy: number[] },
  length: number,
  prepToRaw: Int32Array,
  rawLength: number,
): OffsetMap {
  const canon: number[] = [];
  const raw: number[] = [];
  const copy: number[] = [];
  const n = runs.canon.length;
  for (let k = 0; k < n; k++) {
    const c0 = runs.canon[k] ?? 0;
    const s0 = runs.src[k] ?? 0;
    if (runs.copy[k] !== 1) {
      canon.push(c0);
      raw.push(prepToRaw[s0] ?? rawLength);
      copy.push(0);
      continue;
    }
    const runLen = (k + 1 < n ? (runs.canon[k + 1] ?? length) : length) - c0;
    let prevRaw = -2;
    for (let j = 0; j < runLen; j++) {
      const r = prepToRaw[s0 + j] ?? rawLength;
      if (r !== prevRaw + 1) {
        canon.push(c0 + j);
        raw.push(r);
        copy.push(1);
      }
      prevRaw = r;
    }
  }
  return { canon: Int32Array.from(canon), raw: Int32Array.from(raw), copy: Uint8Array.from(copy), length, rawLength };
}

/**
 * The canonical range of the raw range [rawStart, rawEnd): from the first canonical character
 * copied from at or after `rawStart` to just after the last one copied from before `rawEnd`.
 * Characters the normaliser inserted (spaces, block separators) never start or end a range, and
 * raw text it dropped (page furniture, control characters) shrinks the range instead of moving
 * it. Used to land positions that another program counted in the raw text (a REFI-QDA
 * selection) on the canonical text. Null when no copied character lies inside the range.
 * Assumes runs in raw order, as for plain text (reading order is the input's order).
 */
export function canonicalRangeOf(map: OffsetMap, rawStart: number, rawEnd: number): { start: number; end: number } | null {
  const n = map.canon.length;
  const runEnd = (k: number) => (k + 1 < n ? (map.canon[k + 1] ?? map.length) : map.length);
  let start = -1;
  let end = -1;
  // First copy run reaching rawStart (binary search on the run's last raw offset).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const last = (map.raw[mid] ?? 0) + (runEnd(mid) - (map.canon[mid] ?? 0)) - 1;
    if (last < rawStart) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < n; k++) {
    if (map.copy[k] !== 1) continue;
    const r0 = map.raw[k] ?? 0;
    if (r0 >= rawEnd) break;
    start = (map.canon[k] ?? 0) + Math.max(0, rawStart - r0);
    break;
  }
  if (start < 0) return null;
  // Last copy run starting before rawEnd.
  lo = 0;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((map.raw[mid] ?? 0) < rawEnd) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0; k--) {
    if (map.copy[k] !== 1) continue;
    const len = runEnd(k) - (map.canon[k] ?? 0);
    end = (map.canon[k] ?? 0) + Math.min(len, rawEnd - (map.raw[k] ?? 0));
    break;
  }
  return end > start ? { start, end } : null;
}
