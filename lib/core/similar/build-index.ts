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
import { scanFeatures } from "./features";
import { FeatureTable } from "./feature-table";
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
  /** Every feature seen → its number in `table`; `kept` maps that to the kept feature number. */
  table: FeatureTable;
  /** Table number → kept feature number (postings, idf), or -1 for a feature dropped as too common. */
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

export const tfWeight = (count: number): number => 1 + Math.log(count);
export const idfOf = (units: number, df: number): number => Math.log(1 + units / df);

/** Builds the index of `documents` (their current versions). */
export function buildSimilarIndex(documents: readonly SourceDocument[]): SimilarIndex {
  const units: IndexedUnit[] = [];
  // Per unit: (feature number, count) pairs, feature numbers from a growing table.
  const table = new FeatureTable();
  const unitFeatures: Int32Array[] = [];
  const unitCounts: Int32Array[] = [];
  let df: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  let occurrences: Int32Array<ArrayBuffer> = new Int32Array(1024);
  documents.forEach((d, doc) => {
    for (const u of passageUnits(d.text, d.blocks)) {
      // Feature numbers of every occurrence, sorted, then counted run by run.
      let n = 0;
      scanFeatures(d.text.slice(u.start, u.end), (f) => {
        if (n === occurrences.length) occurrences = grown(occurrences, n * 2);
        occurrences[n++] = table.intern(f);
      });
      if (n === 0) continue;
      const sorted = occurrences.subarray(0, n).sort();
      let distinct = 1;
      for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
      const ids = new Int32Array(distinct);
      const cs = new Int32Array(distinct);
      for (let i = 0, k = -1; i < n; i++) {
        if (k < 0 || sorted[i] !== ids[k]) ids[++k] = sorted[i]!;
        cs[k]! += 1;
      }
      if (table.size > df.length) df = grown(df, Math.max(table.size, df.length * 2));
      for (const id of ids) df[id]! += 1;
      units.push({ ...u, doc });
      unitFeatures.push(ids);
      unitCounts.push(cs);
    }
  });
  const n = units.length;
  const dfMax = Math.max(INDEX_LIMITS.dfMaxFloor, Math.ceil(n * INDEX_LIMITS.dfMaxShare));
  // Renumber the kept features densely.
  const keptId = new Int32Array(table.size).fill(-1);
  const keptDf: number[] = [];
  for (let id = 0; id < table.size; id++) {
    if (df[id]! > dfMax) continue;
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
    table,
    kept: keptId,
    idf,
    postingStart,
    postingUnit,
    postingWeight,
    dropped: table.size - keptDf.length,
    scratch: new Float64Array(n),
  };
}

/** A copy of `a` with room for `size` entries. */
function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
