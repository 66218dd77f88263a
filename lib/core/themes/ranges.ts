/** Half-open ranges [start, end) in UTF-16 code units, and their unions and intersections. */

export interface Range {
  start: number;
  end: number;
}

/** Sorted, disjoint union of `ranges` (touching ranges join). Does not modify the input. */
export function unionRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Total length of a union. */
export function coveredLength(union: readonly Range[]): number {
  let n = 0;
  for (const r of union) n += r.end - r.start;
  return n;
}

/** Intersection of two sorted disjoint unions (non-empty overlaps only). */
export function intersectUnions(a: readonly Range[], b: readonly Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (end > start) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}
