/**
 * A snippet around a hit: a window of the source with the hit (and any other hit inside the
 * window) as highlight ranges relative to the snippet. Line breaks become spaces one for one,
 * so highlight offsets stay offsets into the snippet.
 */
import type { Range } from "./match";

export const SNIPPET = { before: 40, after: 80 } as const;

export interface Snippet {
  text: string;
  highlights: Range[];
  /** Text was cut before / after the window. */
  cutStart: boolean;
  cutEnd: boolean;
}

function noSplit(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** The snippet of `source` around `hit`; `all` are every hit of the same source (for highlights). */
export function buildSnippet(source: string, hit: Range, all: readonly Range[] = [hit]): Snippet {
  const from = Math.max(0, noSplit(source, Math.max(0, hit.start - SNIPPET.before)));
  const to = Math.min(source.length, Math.max(hit.end, noSplit(source, Math.min(source.length, hit.end + SNIPPET.after))));
  const highlights = all
    .filter((r) => r.end > from && r.start < to)
    .map((r) => ({ start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from }));
  return { text: source.slice(from, to).replace(/[\r\n\t\f\v]/g, " "), highlights, cutStart: from > 0, cutEnd: to < source.length };
}
