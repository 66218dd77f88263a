/**
 * Searching the workspace's annotations for the "link to…" picker (#7): the wire shape shared by
 * the server operation and the browser, and the query folding both sides agree on.
 */
import { z } from "zod";

export const ANNOTATION_SEARCH = {
  /** Most hits one request returns. */
  limitMax: 50,
  limitDefault: 30,
  /** Longest query accepted (characters). */
  queryMax: 200,
  /** Terms beyond this many are ignored: each adds a scan over every row's texts. */
  termsMax: 8,
  /** The quote is cut to this many code points (a hit is a pointer, not the passage). */
  textMax: 160,
} as const;

export const annotationHitSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  /** The quote (`exact`), cut to `textMax` code points with "…". */
  text: z.string(),
  authorName: z.string(),
});
export type AnnotationHit = z.infer<typeof annotationHitSchema>;
export const annotationHitsSchema = z.array(annotationHitSchema);

/**
 * Case and width folding: NFKC maps full-width Latin and digits to ASCII ("ＮＡＴＯ" → "NATO"),
 * half-width katakana to full-width ("ｶﾀｶﾅ" → "カタカナ") and the ideographic space to a space.
 */
export const foldForSearch = (s: string): string => s.normalize("NFKC").toLowerCase();

/**
 * The query's terms, width-folded (NFKC) but not lower-cased: the database lower-cases both the
 * terms and the texts with one function, so its case mapping and JavaScript's never disagree.
 * Every term must occur. Japanese has no spaces between words, so a term is matched as a
 * substring, never as a word; spaces (also full-width ones) only separate terms the user
 * separated. Case-insensitive duplicates are dropped; an empty list means "no filter".
 */
export function searchTerms(query: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of query.normalize("NFKC").split(/\s+/u)) {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms.slice(0, ANNOTATION_SEARCH.termsMax);
}

/** Cuts `s` to `max` code points (never inside a surrogate pair), marking the cut with "…". */
export function cutText(s: string, max: number = ANNOTATION_SEARCH.textMax): string {
  const points = Array.from(s);
  return points.length > max ? `${points.slice(0, max).join("")}…` : s;
}

/**
 * The same test in memory, for candidates the browser already holds: every term of `query`
 * occurs, folded, in at least one of `fields`. An empty query matches everything.
 */
export function matchesQuery(query: string, fields: readonly string[]): boolean {
  const terms = searchTerms(query).map(foldForSearch);
  if (terms.length === 0) return true;
  const folded = fields.map(foldForSearch);
  return terms.every((t) => folded.some((f) => f.includes(t)));
}
