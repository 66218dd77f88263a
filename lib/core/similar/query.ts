/**
 * Top-k similar passages: the cosine between a query passage's TF-IDF vector and every unit's,
 * accumulated over the inverted index so that only units sharing a kept feature are touched.
 * `bruteForceSimilar` scores every unit one by one — the same numbers, used as the benchmark's
 * baseline and as the tests' oracle.
 */
import { passageFeatures, type FeatureCounts } from "./features";
import { tfWeight } from "./analyse-document";
import { ABSENT, DROPPED, idfOf, type SimilarIndex } from "./build-index";

export const SIMILAR_LIMITS = {
  /** A query passage is cut to this many UTF-16 code units (a whole section says little more). */
  queryMax: 2_000,
  /** Most results one query returns. */
  topMax: 10,
  /**
   * Scores below this are noise and never offered. Measured on the five demo papers (417 units,
   * one subject): the best match in another paper scores median 0.06, p90 0.12; read pair by
   * pair, matches under ~0.06 share only stock phrases (日米両国, 具体的には), from ~0.08 they
   * discuss the same point (China's warhead numbers, the national security strategies).
   */
  minScore: 0.06,
  /**
   * From this score on, a match says the same thing in other words (a paraphrase of one
   * sentence scores 0.25–0.4; a copied paragraph, re-broken and widened, over 0.8). The UI may
   * mark such matches; the server does not use it.
   */
  strongScore: 0.2,
} as const;

export interface QueryVector {
  /** (kept feature number, normalised weight). */
  features: Int32Array;
  weights: Float64Array;
}

/**
 * The query's vector in the index's space: kept features weighted like the units', features
 * the index never saw weighted as if one unit held them (they make the query less similar to
 * everything, which is the truth), too-common features left out as they are from the units.
 */
export function queryVector(index: SimilarIndex, text: string): QueryVector {
  const counts: FeatureCounts = passageFeatures(text.slice(0, SIMILAR_LIMITS.queryMax));
  const ids: number[] = [];
  const ws: number[] = [];
  let norm = 0;
  const unseenIdf = idfOf(index.units.length, 1);
  for (const [f, c] of counts) {
    // The table is the workspace's and may have grown since this index was assembled.
    const seen = index.table.find(f);
    const id = seen < 0 || seen >= index.kept.length || index.kept[seen] === ABSENT ? undefined : index.kept[seen]!;
    if (id === DROPPED) continue;
    const w = tfWeight(c) * (id === undefined ? unseenIdf : index.idf[id]!);
    norm += w * w;
    if (id === undefined) continue;
    ids.push(id);
    ws.push(w);
  }
  norm = Math.sqrt(norm) || 1;
  return { features: Int32Array.from(ids), weights: Float64Array.from(ws, (w) => w / norm) };
}

export interface ScoredUnit {
  unit: number;
  score: number;
}

export interface SimilarOptions {
  /** Units of this document are never returned (the query's own paper). */
  excludeDocument?: number;
  limit?: number;
  minScore?: number;
}

/** Keeps the best `limit` of the offered scores (ties: earlier unit first). */
function topOf(candidates: Iterable<ScoredUnit>, limit: number): ScoredUnit[] {
  const best: ScoredUnit[] = [];
  for (const c of candidates) {
    if (best.length === limit && c.score <= best[limit - 1]!.score) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.score < c.score) i--;
    best.splice(i, 0, c);
    if (best.length > limit) best.pop();
  }
  return best;
}

const admits = (index: SimilarIndex, u: number, opts: SimilarOptions) => index.units[u]!.doc !== opts.excludeDocument;

/** The most similar units to `query`, best first, through the inverted index. */
export function findSimilar(index: SimilarIndex, query: QueryVector, opts: SimilarOptions = {}): ScoredUnit[] {
  const acc = index.scratch;
  const touched: number[] = [];
  for (let i = 0; i < query.features.length; i++) {
    const f = query.features[i]!;
    const qw = query.weights[i]!;
    for (let p = index.postingStart[f]!, end = index.postingStart[f + 1]!; p < end; p++) {
      const u = index.postingUnit[p]!;
      if (acc[u] === 0) touched.push(u);
      acc[u]! += qw * index.postingWeight[p]!;
    }
  }
  const minScore = opts.minScore ?? SIMILAR_LIMITS.minScore;
  const candidates: ScoredUnit[] = [];
  for (const u of touched) {
    const score = acc[u]!;
    acc[u] = 0;
    if (score >= minScore && admits(index, u, opts)) candidates.push({ unit: u, score });
  }
  return topOf(candidates, Math.min(opts.limit ?? SIMILAR_LIMITS.topMax, SIMILAR_LIMITS.topMax));
}

/**
 * The same ranking by scoring every unit against the query on its own (the baseline): each
 * unit's vector is rebuilt from its postings once, then every unit is compared in turn.
 */
export function bruteForceSimilar(index: SimilarIndex, unitVectors: readonly Map<number, number>[], query: QueryVector, opts: SimilarOptions = {}): ScoredUnit[] {
  const minScore = opts.minScore ?? SIMILAR_LIMITS.minScore;
  const scored: ScoredUnit[] = [];
  unitVectors.forEach((vector, u) => {
    let score = 0;
    for (let i = 0; i < query.features.length; i++) score += query.weights[i]! * (vector.get(query.features[i]!) ?? 0);
    if (score >= minScore && admits(index, u, opts)) scored.push({ unit: u, score });
  });
  return topOf(scored, Math.min(opts.limit ?? SIMILAR_LIMITS.topMax, SIMILAR_LIMITS.topMax));
}

/** Every unit's vector as a map (feature → weight), for the brute-force baseline. */
export function unitVectorsOf(index: SimilarIndex): Map<number, number>[] {
  const out = index.units.map(() => new Map<number, number>());
  for (let f = 0; f + 1 < index.postingStart.length; f++) {
    for (let p = index.postingStart[f]!; p < index.postingStart[f + 1]!; p++) out[index.postingUnit[p]!]!.set(f, index.postingWeight[p]!);
  }
  return out;
}
