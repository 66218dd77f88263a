/**
 * Turns ranked units into the results a reader sees: the passage's place, a snippet, its score.
 */
import { cutText } from "../argument/annotation-search";
import type { SimilarIndex } from "./build-index";
import { SIMILAR_LIMITS, findSimilar, queryVector, type ScoredUnit } from "./query";
import type { SimilarPassage } from "./schemas";

/** Snippets are cut to this many code points: enough to recognise a paragraph, not to read it. */
export const SNIPPET_MAX = 160;

/** The snippet of a passage: whitespace (reflow leftovers, line breaks) collapsed, then cut. */
export function snippetOf(text: string): string {
  return cutText(text.replace(/\s+/gu, " ").trim(), SNIPPET_MAX);
}

/** A scored unit as a result; titles come from the caller (they change without a new version). */
export function presentUnit(index: SimilarIndex, scored: ScoredUnit, titleOf: (documentId: string) => string): SimilarPassage {
  const u = index.units[scored.unit]!;
  const d = index.documents[u.doc]!;
  return {
    documentId: d.documentId,
    title: titleOf(d.documentId),
    versionId: d.versionId,
    start: u.start,
    end: u.end,
    snippet: snippetOf(d.text.slice(u.start, u.end)),
    score: Math.round(scored.score * 1000) / 1000,
    headingPath: u.headingPath,
    page: u.page,
  };
}

/**
 * The passages most similar to `text`, excluding the document `fromDocumentId` (the query's
 * own paper), best first. `text` is cut to SIMILAR_LIMITS.queryMax.
 */
export function similarPassages(index: SimilarIndex, text: string, fromDocumentId: string, titleOf: (documentId: string) => string, limit: number = SIMILAR_LIMITS.topMax): SimilarPassage[] {
  const exclude = index.documents.findIndex((d) => d.documentId === fromDocumentId);
  const ranked = findSimilar(index, queryVector(index, text), { limit, ...(exclude >= 0 ? { excludeDocument: exclude } : {}) });
  return ranked.map((s) => presentUnit(index, s, titleOf));
}
