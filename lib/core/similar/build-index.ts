/**
 * The similarity index of one workspace: TF-IDF vectors of every passage unit, L2-normalised,
 * stored as an inverted index (feature → units holding it, with the unit's weight) in flat
 * typed arrays, so that a query touches only the units that share a feature with it and the
 * index of 10 MB of text stays a few tens of MB.
 *
 * Weights: tf = 1 + ln(count) (a phrase repeated in one paragraph counts, but not linearly),
 * idf = ln(1 + N / df). Features held by more than `DF_MAX_SHARE` of the units are dropped from
 * vectors and postings alike (so scores stay true cosines over the kept features): in Japanese
 * these are particles and endings (ている, する, こと) and the corpus' own topic words, which
 * say nothing about *which* passage is meant but would make every query touch every unit.
 */
import { passageFeatures, type Feature } from "./features";
import { passageUnits, type PassageUnit } from "./units";
import type { Block } from "../text/types";

export const INDEX_LIMITS = {
  /** Share of units above which a feature is dropped. */
  dfMaxShare: 0.05,
  /** …but never below this many units, so a small workspace keeps its features. */
  dfMaxFloor: 50,
} as const;

export interface SourceDocument {
  documentId: string;
  versionId: string;
  text: string;
  blocks: readonly Block[];
}

export interface IndexedUnit extends PassageUnit {
  /** Index into `SimilarIndex.documents`. */
  doc: number;
}

export interface SimilarIndex {
  documents: readonly { documentId: string; versionId: string; text: string }[];
  units: readonly IndexedUnit[];
  /** Kept features → feature number. */
  vocabulary: Map<Feature, number>;
  idf: Float64Array;
  /** Postings of feature f: postingUnit/postingWeight[postingStart[f] .. postingStart[f + 1]). */
  postingStart: Int32Array;
  postingUnit: Int32Array;
  postingWeight: Float32Array;
  /** Features dropped as too common: left out of queries too. */
  dropped: ReadonlySet<Feature>;
  /** Scratch accumulator of one query (queries are synchronous, so one per index suffices). */
  scratch: Float64Array;
}

export const tfWeight = (count: number): number => 1 + Math.log(count);
export const idfOf = (units: number, df: number): number => Math.log(1 + units / df);

/** Builds the index of `documents` (their current versions). */
export function buildSimilarIndex(documents: readonly SourceDocument[]): SimilarIndex {
  const units: IndexedUnit[] = [];
  // Per unit: (feature number, count) pairs, feature numbers from a growing vocabulary.
  const all = new Map<Feature, number>();
  const unitFeatures: Int32Array[] = [];
  const unitCounts: Int32Array[] = [];
  const df: number[] = [];
  documents.forEach((d, doc) => {
    for (const u of passageUnits(d.text, d.blocks)) {
      const counts = passageFeatures(d.text.slice(u.start, u.end));
      if (counts.size === 0) continue;
      const ids = new Int32Array(counts.size);
      const cs = new Int32Array(counts.size);
      let i = 0;
      for (const [f, c] of counts) {
        let id = all.get(f);
        if (id === undefined) {
          id = df.length;
          all.set(f, id);
          df.push(0);
        }
        df[id]! += 1;
        ids[i] = id;
        cs[i++] = c;
      }
      units.push({ ...u, doc });
      unitFeatures.push(ids);
      unitCounts.push(cs);
    }
  });
  const n = units.length;
  const dfMax = Math.max(INDEX_LIMITS.dfMaxFloor, Math.ceil(n * INDEX_LIMITS.dfMaxShare));
  // Renumber the kept features densely.
  const keptId = new Int32Array(df.length).fill(-1);
  const vocabulary = new Map<Feature, number>();
  const keptDf: number[] = [];
  const dropped = new Set<Feature>();
  for (const [f, id] of all) {
    if (df[id]! > dfMax) {
      dropped.add(f);
      continue;
    }
    keptId[id] = keptDf.length;
    vocabulary.set(f, keptDf.length);
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
  for (let u = 0; u < n; u++) {
    const ids = unitFeatures[u]!;
    const cs = unitCounts[u]!;
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const k = keptId[ids[i]!]!;
      if (k >= 0) norm += (tfWeight(cs[i]!) * idf[k]!) ** 2;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < ids.length; i++) {
      const k = keptId[ids[i]!]!;
      if (k < 0) continue;
      const at = fill[k]!++;
      postingUnit[at] = u;
      postingWeight[at] = (tfWeight(cs[i]!) * idf[k]!) / norm;
    }
  }
  return {
    documents: documents.map(({ documentId, versionId, text }) => ({ documentId, versionId, text })),
    units,
    vocabulary,
    idf,
    postingStart,
    postingUnit,
    postingWeight,
    dropped,
    scratch: new Float64Array(n),
  };
}
