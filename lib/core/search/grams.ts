/**
 * Character unigrams and bigrams of folded keys, the lexemes of the GIN-indexed tsvector: the
 * emulation of pg_bigm (not available here). A query's terms give the bigrams every matching
 * chunk must contain (a 1-character term its unigram); candidates are then re-checked on the key.
 */

export const GRAM_LIMITS = {
  /** Bigrams taken from one term: enough to be selective, few enough to keep the GIN scan cheap. */
  perTerm: 6,
  /** Bigrams per query in all. */
  perQuery: 16,
} as const;

/**
 * A short tag of a workspace, prefixed to each of its lexemes so that the posting lists of two
 * workspaces never mix: a search then reads only its own workspace's index entries, and its time
 * says nothing about another's text. FNV-1a (32 bits); a collision only shares posting lists
 * (rows are still filtered by workspace), it never shares results.
 */
export function workspaceTag(workspaceId: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < workspaceId.length; i++) {
    h ^= workspaceId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/** Distinct unigrams and bigrams of a key, by code point (a surrogate pair is never split). */
export function gramsOf(key: string): string[] {
  const cps = Array.from(key);
  const out = new Set<string>(cps);
  for (let i = 0; i + 1 < cps.length; i++) out.add(cps[i]! + cps[i + 1]!);
  return [...out];
}

/** The lexemes a term needs: its unigram, or up to `perTerm` of its bigrams spread over it. */
export function termGrams(key: string): string[] {
  const cps = Array.from(key);
  if (cps.length === 1) return [key];
  const bigrams = [...new Set(cps.slice(0, -1).map((c, i) => c + cps[i + 1]!))];
  if (bigrams.length <= GRAM_LIMITS.perTerm) return bigrams;
  const step = (bigrams.length - 1) / (GRAM_LIMITS.perTerm - 1);
  return [...new Set(Array.from({ length: GRAM_LIMITS.perTerm }, (_, i) => bigrams[Math.round(i * step)]!))];
}

/** The lexemes of all terms, tagged, bounded by `perQuery`. */
export function queryLexemes(tag: string, keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) for (const g of termGrams(key)) if (out.size < GRAM_LIMITS.perQuery) out.add(tag + g);
  return [...out];
}

/**
 * A tsquery literal ANDing the lexemes, each quoted (quotes and backslashes doubled), for a
 * `$1::tsquery` cast: the cast takes lexemes as given, with no parser or dictionary in between.
 */
export function tsqueryOf(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" & ");
}

/** The lexemes of a chunk's key, tagged, space-separated (keys contain no whitespace) for `array_to_tsvector(string_to_array(…, ' '))`. */
export function indexLexemes(tag: string, key: string): string {
  return gramsOf(key).map((g) => tag + g).join(" ");
}
