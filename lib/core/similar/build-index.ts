/**
 * The similarity index of one workspace: TF-IDF vectors of every passage unit, L2-normalised,
 * stored as an inverted index (feature → units holding it, with the unit's weight) in flat
 * typed arrays, so that a query touches only the units that share a feature with it and the
 * index of 10 MB of text stays a few tens of MB.
 *
 * Weights: tf = 1 + ln(count) (a phrase repeated in one paragraph counts, but not linearly),
 * idf = ln(1 + N / df). Features held by more than `INDEX_LIMITS.dfMaxShare` of the units are dropped from
 * vectors and postings alike (so scores stay true cosines over the kept features): in Japanese
 * these are particles and endings (ている, する, こと) and the corpus' own topic words, which
 * say nothing about *which* passage is meant but would make every query touch every unit.
 */
import { analyseDocument, type AnalysedDocument, type SourceDocument } from "./analyse-document";
import { FeatureTable } from "./feature-table";
import type { PassageUnit } from "./units";

export const INDEX_LIMITS = {
  /** Share of units above which a feature is dropped. */
  dfMaxShare: 0.05,
  /** …but never below this many units, so a small workspace keeps its features. */
  dfMaxFloor: 50,
} as const;

export interface IndexedUnit extends PassageUnit {
  /** Index into `SimilarIndex.documents`. */
  doc: number;
}

export interface SimilarIndex {
  documents: readonly { documentId: string; versionId: string; text: string }[];
  units: readonly IndexedUnit[];
  /** Every feature seen → its number in `table`; `kept` maps that to the kept feature number. */
  table: FeatureTable;
  /** Table number → kept feature number (postings, idf), DROPPED (too common) or ABSENT (only in replaced versions). */
  kept: Int32Array;
  idf: Float64Array;
  /** Postings of feature f: postingUnit/postingWeight[postingStart[f] .. postingStart[f + 1]). */
  postingStart: Int32Array;
  postingUnit: Int32Array;
  postingWeight: Float32Array;
  /** How many features were dropped as too common (left out of queries too). */
  dropped: number;
  /** Scratch accumulator of one query (queries are synchronous, so one per index suffices). */
  scratch: Float64Array;
}

/** `kept` of a feature dropped as too common: left out of queries as of units. */
export const DROPPED = -1;
/** `kept` of a feature the table holds only from versions no longer indexed: unseen to a query. */
export const ABSENT = -2;

export const idfOf = (units: number, df: number): number => Math.log(1 + units / df);

/** Builds the index of `documents` (their current versions) from scratch. */
export function buildSimilarIndex(documents: readonly SourceDocument[]): SimilarIndex {
  const table = new FeatureTable();
  return assembleIndex(table, documents.map((d) => analyseDocument(table, d)));
}

/**
 * Assembles the index from analysed documents whose feature numbers come from `table`:
 * document frequencies, the dropped features, idf, normalised weights and the postings.
 */
export function assembleIndex(table: FeatureTable, analysed: readonly AnalysedDocument[]): SimilarIndex {
  const units: IndexedUnit[] = [];
  const unitFeatures: Int32Array[] = [];
  const unitTf: Float32Array[] = [];
  const df = new Int32Array(table.size);
  analysed.forEach((a, doc) => {
    a.units.forEach((u, i) => {
      units.push({ ...u, doc });
      unitFeatures.push(a.features[i]!);
      unitTf.push(a.tf[i]!);
      for (const id of a.features[i]!) df[id]! += 1;
    });
  });
  const n = units.length;
  const dfMax = Math.max(INDEX_LIMITS.dfMaxFloor, Math.ceil(n * INDEX_LIMITS.dfMaxShare));
  // Renumber the kept features densely.
  const keptId = new Int32Array(table.size).fill(DROPPED);
  const keptDf: number[] = [];
  for (let id = 0; id < table.size; id++) {
    if (df[id] === 0) keptId[id] = ABSENT;
    if (df[id] === 0 || df[id]! > dfMax) continue;
    keptId[id] = keptDf.length;
    keptDf.push(df[id]!);
  }
  const idf = new Float64Array(keptDf.length);
  const postingStart = new Int32Array(keptDf.length + 1);
  for (let f = 0; f < keptDf.length; f++) {
    idf[f] = idfOf(n, keptDf[f]!);
    postingStart[f + 1] = postingStart[f]! + keptDf[f]!;
  }
  const postingUnit = new Int32Array(postingStart[keptDf.length]!);
  const postingWeight = new Float32Array(postingUnit.length);
  const fill = postingStart.slice(0, keptDf.length);
  let weights = new Float64Array(256);
  for (let u = 0; u < n; u++) {
    const ids = unitFeatures[u]!;
    const tf = unitTf[u]!;
    if (weights.length < ids.length) weights = new Float64Array(ids.length * 2);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const k = keptId[ids[i]!]!;
      const w = k >= 0 ? tf[i]! * idf[k]! : 0;
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < ids.length; i++) {
      const k = keptId[ids[i]!]!;
      if (k < 0) continue;
      const at = fill[k]!++;
      postingUnit[at] = u;
      postingWeight[at] = weights[i]! / norm;
    }
  }
  return {
    documents: analysed.map(({ documentId, versionId, text }) => ({ documentId, versionId, text })),
    units,
    table,
    kept: keptId,
    idf,
    postingStart,
    postingUnit,
    postingWeight,
    dropped: keptId.filter((k) => k === DROPPED).length,
    scratch: new Float64Array(n),
  };
}
