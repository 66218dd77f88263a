/**
 * Overlapping highlights. The CSS Custom Highlight API paints one Highlight as the union of
 * its ranges, so two yellow annotations over the same words would look like one. The view
 * paints, on top of the colours, a marker layer for every stretch covered by two or more
 * annotations; this computes those stretches (sweep over sorted boundaries, O(n log n)).
 */
export interface Span {
  start: number;
  end: number;
}

export interface DepthSpan extends Span {
  /** How many of the input spans cover this stretch (≥ minDepth). */
  depth: number;
}

/** Maximal stretches covered by at least `minDepth` spans, in text order; adjacent equal depths merge. */
export function overlapSpans(spans: readonly Span[], minDepth = 2): DepthSpan[] {
  const events: [number, number][] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    events.push([s.start, 1], [s.end, -1]);
  }
  // Ends before starts at the same offset: touching spans do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: DepthSpan[] = [];
  let depth = 0;
  let last = 0;
  for (const [at, delta] of events) {
    if (at > last && depth >= minDepth) {
      const prev = out[out.length - 1];
      if (prev && prev.end === last && prev.depth === depth) prev.end = at;
      else out.push({ start: last, end: at, depth });
    }
    depth += delta;
    last = at;
  }
  return out;
}

/** The spans (by index) that contain `offset`, innermost (shortest) first: the one a click means. */
export function spansAt<T extends Span>(spans: readonly T[], offset: number): T[] {
  return spans.filter((s) => s.start <= offset && offset < s.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
