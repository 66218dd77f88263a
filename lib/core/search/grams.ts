/**
 * Character bigrams of folded keys, the lexemes of the GIN-indexed tsvector: the emulation of
 * pg_bigm (not available here). A query's terms give the bigrams every matching chunk must
 * contain; a 1-character term is a prefix query (`'x':*`: every bigram starting with it, plus the
 * unigram of the key's last character, which starts no bigram). Candidates are then re-checked on
 * the key.
 */

export const GRAM_LIMITS = {
  /** Bigrams taken from one term: enough to be selective, few enough to keep the GIN scan cheap. */
  perTerm: 6,
  /** Bigrams per query in all. */
  perQuery: 16,
} as const;

/**
 * A short tag (4 characters, 1.7 million values) of a workspace, prefixed to each of its lexemes so that the posting lists of two
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
  return h.toString(36).padStart(7, "0").slice(-4);
}

/** Distinct bigrams of a key by code point (a surrogate pair is never split), and the unigram of its last character. */
export function gramsOf(key: string): string[] {
  const cps = Array.from(key);
  const out = new Set<string>();
  for (let i = 0; i + 1 < cps.length; i++) out.add(cps[i]! + cps[i + 1]!);
  if (cps.length) out.add(cps[cps.length - 1]!);
  return [...out];
}

export interface QueryLexeme {
  lexeme: string;
  /** Matches every lexeme that starts with it. */
  prefix: boolean;
}

/** The grams a term needs: its one character as a prefix, or up to `perTerm` of its bigrams spread over it. */
export function termGrams(key: string): string[] {
  const cps = Array.from(key);
  if (cps.length === 1) return [key];
  const bigrams = [...new Set(cps.slice(0, -1).map((c, i) => c + cps[i + 1]!))];
  if (bigrams.length <= GRAM_LIMITS.perTerm) return bigrams;
  const step = (bigrams.length - 1) / (GRAM_LIMITS.perTerm - 1);
  return [...new Set(Array.from({ length: GRAM_LIMITS.perTerm }, (_, i) => bigrams[Math.round(i * step)]!))];
}

/** The lexemes of all terms, tagged, bounded by `perQuery`. */
export function queryLexemes(tag: string, keys: readonly string[]): QueryLexeme[] {
  const out = new Map<string, QueryLexeme>();
  for (const key of keys) {
    for (const g of termGrams(key)) if (out.size < GRAM_LIMITS.perQuery) out.set(tag + g, { lexeme: tag + g, prefix: Array.from(g).length === 1 });
  }
  return [...out.values()];
}

/**
 * A tsquery literal ANDing the lexemes, each quoted (quotes and backslashes doubled), for a
 * `$1::tsquery` cast: the cast takes lexemes as given, with no parser or dictionary in between.
 */
export function tsqueryOf(lexemes: readonly QueryLexeme[]): string {
  return lexemes.map((l) => `'${l.lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${l.prefix ? ":*" : ""}`).join(" & ");
}

/** The lexemes of a chunk's key, tagged, space-separated (keys contain no whitespace) for `array_to_tsvector(string_to_array(…, ' '))`. */
export function indexLexemes(tag: string, key: string): string {
  return gramsOf(key).map((g) => tag + g).join(" ");
}
