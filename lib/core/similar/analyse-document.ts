/**
 * The per-document half of the index build: a document version's units and, per unit, its
 * features (numbers from the workspace's FeatureTable) with their counts. It depends only on the
 * immutable version, so a workspace keeps the analyses of unchanged documents and a new version
 * costs the analysis of that one document plus the cheap assembly (build-index.ts).
 */
import { scanFeatures } from "./features";
import type { FeatureTable } from "./feature-table";
import { passageUnits, type PassageUnit } from "./units";
import type { Block } from "../text/types";

export interface SourceDocument {
  documentId: string;
  versionId: string;
  text: string;
  blocks: readonly Block[];
}

export interface AnalysedDocument {
  documentId: string;
  versionId: string;
  text: string;
  /** Units with at least one feature. */
  units: PassageUnit[];
  /** Per unit: distinct feature numbers (ascending) and their tf weights (tfWeight of the count). */
  features: Int32Array[];
  tf: Float32Array[];
}

/** tf = 1 + ln(count): a phrase repeated in one paragraph counts, but not linearly. */
export const tfWeight = (count: number): number => 1 + Math.log(count);

let occurrences: Int32Array<ArrayBuffer> = new Int32Array(4096);

/** Analyses one document version, numbering new features in `table`. */
export function analyseDocument(table: FeatureTable, d: SourceDocument): AnalysedDocument {
  const out: AnalysedDocument = { documentId: d.documentId, versionId: d.versionId, text: d.text, units: [], features: [], tf: [] };
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
    out.units.push(u);
    out.features.push(ids);
    out.tf.push(Float32Array.from(cs, tfWeight));
  }
  return out;
}

/** A copy of `a` with room for `size` entries. */
export function grown(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
