/**
 * Searching one text for many quotes without scanning the whole text for each.
 *
 * A Myers scan costs time in proportion to the text (≈ 25–90 ns a code unit, more for
 * non-ASCII text), and so does every indexOf: re-anchoring thousands of quotes in a long version
 * that way takes seconds. The text's code-unit pairs are indexed once; a piece of a quote is
 * then found through its rarest pair. For approximate matches with at most k errors, a match
 * leaves at least one of k + 1 disjoint pieces of the quote intact (each edit breaks at most
 * one piece), so only the neighbourhoods of verbatim piece occurrences can hold one: the filter
 * loses no match within k errors.
 */
import search from "approx-string-match";

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/** Finds `quote` in the indexed text with at most `maxErrors` errors (the fewest errors found). */
export type ApproxFinder = (quote: string, maxErrors: number) => ApproxMatch[];

export interface TextIndex {
  readonly text: string;
  /** Where `piece` starts in the text, ascending; at most `limit` of them. */
  occurrences(piece: string, limit?: number): number[];
  approx: ApproxFinder;
}

const pairKey = (s: string, i: number) => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);

interface Pairs {
  /** Pair key → its slot; a slot's positions are positions[startOf[slot]..startOf[slot + 1]), ascending. */
  slotOf: Map<number, number>;
  startOf: Int32Array;
  positions: Int32Array;
}

/** Counting sort of the pair positions by pair: one typed array, not an array per pair. */
function indexPairs(text: string): Pairs {
  const n = Math.max(0, text.length - 1);
  const slotOf = new Map<number, number>();
  const counts: number[] = [];
  const slots = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = pairKey(text, i);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = counts.length;
      slotOf.set(key, slot);
      counts.push(0);
    }
    counts[slot]! += 1;
    slots[i] = slot;
  }
  const startOf = new Int32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) startOf[s + 1] = startOf[s]! + counts[s]!;
  const next = startOf.slice(0, counts.length);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[next[slots[i]!]!++] = i;
  return { slotOf, startOf, positions };
}

export function createTextIndex(text: string): TextIndex {
  let pairs: Pairs | null = null;

  /** The positions of the rarest pair of `piece` and that pair's offset in it; null: some pair is absent. */
  const rarest = (piece: string): { list: Int32Array; offset: number } | null => {
    pairs ??= indexPairs(text);
    let best: { list: Int32Array; offset: number } | null = null;
    for (let j = 0; j + 1 < piece.length; j++) {
      const slot = pairs.slotOf.get(pairKey(piece, j));
      if (slot === undefined) return null;
      const from = pairs.startOf[slot]!;
      const to = pairs.startOf[slot + 1]!;
      if (!best || to - from < best.list.length) best = { list: pairs.positions.subarray(from, to), offset: j };
    }
    return best;
  };

  const occurrences = (piece: string, limit = Infinity): number[] => {
    const out: number[] = [];
    if (piece.length === 0) return out;
    if (piece.length === 1) {
      for (let at = text.indexOf(piece); at !== -1 && out.length < limit; at = text.indexOf(piece, at + 1)) out.push(at);
      return out;
    }
    const r = rarest(piece);
    if (!r) return out;
    for (const pos of r.list) {
      const at = pos - r.offset;
      if (at >= 0 && text.startsWith(piece, at)) {
        out.push(at);
        if (out.length >= limit) break;
      }
    }
    return out;
  };

  const approx: ApproxFinder = (quote, maxErrors) => {
    const m = quote.length;
    const k = Math.max(0, Math.min(maxErrors, m));
    const pieces = k + 1;
    // Pieces need a pair to be looked up; below that the filter cannot help.
    if (Math.floor(m / pieces) < 2) return search(text, quote, k);
    const regions: [number, number][] = [];
    for (let p = 0; p < pieces; p++) {
      const ps = Math.floor((p * m) / pieces);
      for (const at of occurrences(quote.slice(ps, Math.floor(((p + 1) * m) / pieces)))) {
        regions.push([Math.max(0, at - ps - k), Math.min(text.length, at - ps + m + k)]);
      }
    }
    if (regions.length === 0) return [];
    regions.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    let covered = 0;
    for (const r of regions) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) {
        covered += Math.max(0, r[1] - last[1]);
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.push([r[0], r[1]]);
        covered += r[1] - r[0];
      }
    }
    // Pieces so common that their neighbourhoods cover much of the text: one scan is cheaper.
    if (covered > text.length / 2) return search(text, quote, k);
    // One scan over the regions joined by k + 1 characters absent from the quote: a match
    // across a join would need an error for each of them, so none crosses one. (Searching the
    // regions one by one costs a setup per region, which dominates for short quotes.)
    const sep = separator(quote).repeat(k + 1);
    let joined = "";
    const starts: number[] = [];
    for (const [from, to] of merged) {
      if (joined.length > 0) joined += sep;
      starts.push(joined.length);
      joined += text.slice(from, to);
    }
    return search(joined, quote, k).map((x) => {
      let r = starts.length - 1;
      while (starts[r]! > x.start) r--;
      const shift = merged[r]![0] - starts[r]!;
      return { start: x.start + shift, end: x.end + shift, errors: x.errors };
    });
  };

  return { text, occurrences, approx };
}

/** A character that does not occur in `quote` (control and noncharacters first: text rarely holds them). */
function separator(quote: string): string {
  for (const c of ["\u0000", "\uFFFF", "\uFFFE", "\u0001"]) if (!quote.includes(c)) return c;
  for (let code = 2; ; code++) {
    const c = String.fromCharCode(code);
    if (!quote.includes(c)) return c;
  }
}
