/**
 * Similar passages benchmark (issue #13), in the pure core that the server operation runs:
 *
 * - `similar_p95_ms`: top 10 similar passages for a selected passage (50–600 characters of a
 *   random document, as a reader selects them), p95 over QUERIES, on about 10 MB of Japanese
 *   text. Baseline: the same ranking by scoring every unit (brute force), same queries.
 * - `similar_index_ms_per_mb`: building the workspace's index (units, features, TF-IDF,
 *   postings), per MB of UTF-8 text. Baseline: NFKC-folding the same text once, the least any
 *   index must do.
 * - `similar_reindex_one_ms`: the same workspace after one of its 50 documents gained a version:
 *   that document analysed, the rest reused, the postings re-assembled (what the server's cache
 *   does). Baseline: the full build.
 */
import type { BenchResult } from "../bench";
import { analyseDocument, assembleIndex, bruteForceSimilar, FeatureTable, findSimilar, queryVector, similarPassages, unitVectorsOf } from "../../lib/core/similar";
import { quantile, round2 } from "./_collab-world";
import { random } from "./_random";
import { similarCorpus } from "./_similar-corpus";

const QUERIES = 200;
const BASELINE_QUERIES = 40;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

export async function run(): Promise<BenchResult[]> {
  const docs = similarCorpus();
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / (1024 * 1024);
  const table = new FeatureTable();
  const [analysed, analyseMs] = time(() => docs.map((d) => analyseDocument(table, d)));
  const [index, assembleMs] = time(() => assembleIndex(table, analysed));
  const buildMs = analyseMs + assembleMs;
  const edited = { ...docs[0]!, versionId: "doc0v2", text: docs[0]!.text.replace(/。/gu, "。\n") };
  const [, reindexMs] = time(() => assembleIndex(table, [analyseDocument(table, edited), ...analysed.slice(1)]));
  const [, foldMs] = time(() => docs.forEach((d) => d.text.normalize("NFKC").toLowerCase()));
  const rnd = random(7);
  const queries = Array.from({ length: QUERIES }, () => {
    const doc = Math.floor(rnd() * docs.length);
    const text = docs[doc]!.text;
    const start = Math.floor(rnd() * (text.length - 700));
    return { doc, documentId: docs[doc]!.documentId, text: text.slice(start, start + 50 + Math.floor(rnd() * 550)) };
  });
  const titles = (id: string) => id;
  similarPassages(index, queries[0]!.text, queries[0]!.documentId, titles); // warm-up
  const fast = queries.map((q) => time(() => similarPassages(index, q.text, q.documentId, titles))[1]);
  const vectors = unitVectorsOf(index);
  const slow = queries.slice(0, BASELINE_QUERIES).map((q) => time(() => bruteForceSimilar(index, vectors, queryVector(index, q.text), { excludeDocument: q.doc }))[1]);
  // The two rankings must agree, or the figure compares different work.
  for (const q of queries.slice(0, 5)) {
    const v = queryVector(index, q.text);
    const a = findSimilar(index, v, { excludeDocument: q.doc }).map((s) => s.unit).join();
    const b = bruteForceSimilar(index, vectors, v, { excludeDocument: q.doc }).map((s) => s.unit).join();
    if (a !== b) throw new Error("inverted index and brute force disagree");
  }
  const p95 = quantile(fast, 0.95);
  const base = quantile(slow, 0.95);
  process.stderr.write(`similar: ${mb.toFixed(1)} MB, ${docs.length} documents, ${index.units.length} units, ${index.table.size} features (${index.dropped} dropped), ${index.postingUnit.length} postings, build ${Math.round(buildMs)} ms, p50 ${round2(quantile(fast, 0.5))} ms\n`);
  return [
    { metric: "similar_p95_ms", value: round2(p95), unit: "ms", target: 100, baseline: round2(base), ratio: round2(p95 / base) },
    { metric: "similar_index_ms_per_mb", value: round2(buildMs / mb), unit: "ms/MB", target: 1000, baseline: round2(foldMs / mb), ratio: round2(buildMs / foldMs) },
    { metric: "similar_reindex_one_ms", value: Math.round(reindexMs), unit: "ms", target: 1000, baseline: Math.round(buildMs), ratio: round2(reindexMs / buildMs) },
  ];
}
