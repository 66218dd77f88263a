/**
 * Occurrences of the query's terms in one chunk, mapped back to the chunk's text. The same
 * rules as the SQL that counts them (search-sql in lib/server/search): non-overlapping,
 * left to right, starting inside the chunk's owned part of the key.
 */
import { foldWithMap, sourceRange, type FoldedText } from "./fold";

export interface Range {
  start: number;
  end: number;
}

/** Key ranges of `term` in `key` that start before `ownKeyLen`. */
export function occurrences(key: string, term: string, ownKeyLen = key.length): Range[] {
  const out: Range[] = [];
  if (!term) return out;
  let at = key.indexOf(term);
  while (at >= 0 && at < ownKeyLen) {
    out.push({ start: at, end: at + term.length });
    at = key.indexOf(term, at + term.length);
  }
  return out;
}

/** Number of key code units whose source offset lies before `ownEnd`. */
export function ownKeyLength(folded: FoldedText, ownEnd: number): number {
  let lo = 0;
  let hi = folded.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folded.starts[mid] ?? 0) < ownEnd) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when a passage holds every included term and none of the excluded ones: terms count in
 * the owned part of the key (`ownKeyLen`); an occurrence that starts there may run into the overlap.
 */
export function chunkMatches(key: string, include: readonly string[], exclude: readonly string[], ownKeyLen = key.length): boolean {
  const starts = (t: string) => occurrences(key, t, ownKeyLen).length > 0;
  return include.length > 0 && include.every(starts) && !exclude.some(starts);
}

/**
 * The hits a chunk owns, as ranges of its `text` (UTF-16), sorted by start; a range found by two
 * terms counts once.
 */
export function hitsInText(text: string, ownEnd: number, include: readonly string[]): Range[] {
  const folded = foldWithMap(text);
  const own = ownKeyLength(folded, ownEnd);
  const seen = new Set<string>();
  const out: Range[] = [];
  for (const term of include) {
    for (const r of occurrences(folded.key, term, own)) {
      const src = sourceRange(folded, r.start, r.end);
      const id = `${src.start}:${src.end}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(src);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
