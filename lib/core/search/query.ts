/**
 * The search box's little language: terms separated by spaces are ANDed, `"…"` is a phrase
 * (spaces inside it do not split it; they are not part of the key anyway), `-term` excludes.
 * Everything else is literal: `%`, `_`, `\`, `'`, `*` have no meaning and match themselves.
 */
import { foldKey } from "./fold";

export const SEARCH_LIMITS = {
  /** Longest query accepted at the edges (characters). */
  queryMax: 1000,
  /** Terms kept per query (positive and excluded each); later ones are dropped and reported. */
  termsMax: 8,
} as const;

export interface SearchTerm {
  /** Folded key (see fold.ts). */
  key: string;
  /** The term as typed (after NFKC), for display. */
  text: string;
  phrase: boolean;
}

export interface ParsedQuery {
  include: SearchTerm[];
  exclude: SearchTerm[];
  /** Terms dropped because the query had more than `termsMax`. */
  dropped: number;
}

/** Splits a query into tokens: phrases, excluded terms, plain terms. */
function tokens(query: string): { text: string; negated: boolean; phrase: boolean }[] {
  const out: { text: string; negated: boolean; phrase: boolean }[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const m of query.matchAll(re)) {
    if (m[3] !== undefined) {
      const word = m[3];
      const negated = word.length > 1 && word.startsWith("-");
      out.push({ text: negated ? word.slice(1) : word, negated, phrase: false });
    } else out.push({ text: m[2] ?? "", negated: m[1] === "-", phrase: true });
  }
  return out;
}

/**
 * Parses a query. NFKC first, so a full-width quote or minus (＂, －) acts like the ASCII one.
 * A term whose key is empty (only spaces, lone surrogates) is ignored; duplicates count once.
 */
export function parseQuery(raw: string): ParsedQuery {
  const query = raw.slice(0, SEARCH_LIMITS.queryMax).normalize("NFKC");
  const include: SearchTerm[] = [];
  const exclude: SearchTerm[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const t of tokens(query)) {
    const key = foldKey(t.text);
    const id = `${t.negated ? "-" : "+"}${key}`;
    if (!key || seen.has(id)) continue;
    seen.add(id);
    const list = t.negated ? exclude : include;
    if (list.length >= SEARCH_LIMITS.termsMax) dropped++;
    else list.push({ key, text: t.text.trim(), phrase: t.phrase });
  }
  return { include, exclude, dropped };
}
