/**
 * Reader benchmark, re-anchoring: a compare-view pane of the longest demo paper whose 8,000
 * annotations were all made on an older version, now showing a heavily edited new version
 * (an inserted preface, a typo fixed in every third sentence, every tenth sentence deleted,
 * every eleventh rewritten, every seventh re-wrapped). Runs the pane's own annotation store
 * over a Y.Doc in Node (no browser: painting is measured by the `reader` suite), with the
 * browser's budget and slice lengths and idle callbacks replaced by timers.
 *
 * - `reader_reanchor_block_ms`: the longest the page is blocked: the store's start or one
 *   idle-time slice (median of RUNS); target: a long task (50 ms). Baseline: placing every
 *   annotation at once, as the store did before.
 * - `reader_reanchor_ms`: from the start until every annotation is placed (or known to be an
 *   orphan), with the placements the server stored when v2 was imported (lib/server/anchors,
 *   handed to the pane by the compare view): nothing is searched at load. Median of RUNS;
 *   target 2 s. Baseline: the same pane without stored placements (the browser searching every
 *   annotation, idle slices included).
 * - `reader_reanchor_idle_slices`: idle-time search slices that load ran with stored placements
 *   (target 0: no re-anchoring at load for a version already processed).
 * - `reanchor_server_ms`: what the server's job spends placing the 8,000 annotations once
 *   (placeInVersion, the pure part of the job), for scale.
 *
 * BENCH_DEBUG=1 prints each load's start, slice count and longest slice.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import type { BenchResult } from "../bench";
import { quantile, round2 } from "./_collab-world";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const PAPER = "002_91ae9ad2d9043cbd.txt";
const OTHER = "001_76d4a68181cabaa2.txt";
const ANNOTATIONS = 8_000;
const RUNS = 5;

/** The new version: deterministic edits sentence by sentence, as a revised paper would have. */
function editHeavily(text: string, other: string): string {
  const sentences = text.split(/(?<=。)/);
  const replacements = other.split(/(?<=。)/).filter((s) => s.length > 20);
  const out = sentences.map((s, i) => {
    if (s.length < 8) return s;
    if (i % 10 === 3) return "";
    if (i % 11 === 7) return replacements[i % replacements.length]!;
    const mid = Math.floor(s.length / 2);
    if (/[\uD800-\uDFFF]/.test(s.slice(mid - 1, mid + 2))) return s;
    if (i % 3 === 0) return `${s.slice(0, mid)}${s[mid] === "ー" ? "一" : "ー"}${s.slice(mid + 1)}`;
    if (i % 7 === 5) return `${s.slice(0, mid)}\n${s.slice(mid)}`;
    return s;
  });
  return `【改訂版】本稿は初版の誤記を訂正し、一部の記述を改めたものである。\n\n${out.join("")}`;
}

export async function run(): Promise<BenchResult[]> {
  const { extractSource } = await import("../../lib/server/import/extract-source");
  const { buildAnchor, createAnnotation } = await import("../../lib/collab/model");
  const { AnnotationStore, BROWSER_TIMING } = await import("../../lib/collab/client/stores/annotation-store");
  const { listAnnotations } = await import("../../lib/collab/model");
  const { placeInVersion } = await import("../../lib/core/compare");
  const normalise = async (file: string) => (await extractSource(file, new Uint8Array(readFileSync(DEMO + file)))).normalised.text;
  const v1 = await normalise(PAPER);
  const v2 = editHeavily(v1, await normalise(OTHER));

  // 8,000 annotations on v1, spread over the text, 4–60 code units long (as the reader suite makes them).
  const doc = new Y.Doc();
  const owner = { id: "u1", name: "Bench" };
  doc.transact(() => {
    for (let i = 0; i < ANNOTATIONS; i++) {
      let start = Math.floor(((i * 7919) % ANNOTATIONS) * (v1.length / ANNOTATIONS));
      let end = Math.min(v1.length, start + 4 + ((i * 31) % 57));
      if (/[\udc00-\udfff]/.test(v1[start] ?? "")) start++;
      if (/[\udc00-\udfff]/.test(v1[end] ?? "")) end++;
      if (end <= start) continue;
      createAnnotation(doc, { anchor: buildAnchor(v1, "v1", start, end), colour: "#f5c518" }, owner, new Date());
    }
  });

  /** Loads a pane of `text` (version `versionId`); resolves when nothing waits for a search. */
  // What the re-anchoring job stores for v2 (timed: the server's side of the work).
  const s0 = performance.now();
  const stored = placeInVersion(v2, "v2", listAnnotations(doc).map((e) => ({ id: e.id, anchor: e.anchor })));
  const serverMs = performance.now() - s0;

  const load = (text: string, versionId: string, budgetMs: number, rows: typeof stored = []) =>
    new Promise<{ total: number; block: number; slices: number; counts: Record<string, number> }>((resolve) => {
      const blocks: number[] = [];
      let store: InstanceType<typeof AnnotationStore> | null = null;
      const t0 = performance.now();
      const finish = () => {
        const counts: Record<string, number> = {};
        for (const item of store!.list()) counts[item.placement.status] = (counts[item.placement.status] ?? 0) + 1;
        store!.destroy();
        if (process.env.BENCH_DEBUG) process.stderr.write(`  ${versionId} budget ${budgetMs}: start ${round2(blocks[0]!)} slices ${blocks.length - 1} max ${round2(Math.max(...blocks.slice(1), 0))} p90 ${round2(quantile(blocks.slice(1), 0.9))}\n`);
        resolve({ total: performance.now() - t0, block: Math.max(...blocks), slices: blocks.length - 1, counts });
      };
      store = new AnnotationStore(doc, text, versionId, ["v1", "v2"], {
        budgetMs,
        sliceMs: BROWSER_TIMING.sliceMs,
        idle(work) {
          const id = setTimeout(() => {
            const s = performance.now();
            work();
            blocks.push(performance.now() - s);
            if (store!.searchingCount === 0) finish();
          }, 0);
          return () => clearTimeout(id);
        },
      }, rows);
      store.start();
      blocks.push(performance.now() - t0);
      if (store.searchingCount === 0) finish();
    });

  const sliced: Awaited<ReturnType<typeof load>>[] = [];
  const atOnce: Awaited<ReturnType<typeof load>>[] = [];
  const sameVersion: Awaited<ReturnType<typeof load>>[] = [];
  const withStored: Awaited<ReturnType<typeof load>>[] = [];
  await load(v2, "v2", BROWSER_TIMING.budgetMs); // warm-up (JIT)
  for (let r = 0; r < RUNS; r++) {
    withStored.push(await load(v2, "v2", BROWSER_TIMING.budgetMs, stored));
    sliced.push(await load(v2, "v2", BROWSER_TIMING.budgetMs));
    atOnce.push(await load(v2, "v2", Number.POSITIVE_INFINITY));
    sameVersion.push(await load(v1, "v1", BROWSER_TIMING.budgetMs));
  }
  process.stderr.write(`reader-reanchor: ${v1.length} → ${v2.length} code units; placements ${JSON.stringify(sliced[0]!.counts)}; longest block per run ${JSON.stringify(sliced.map((r) => round2(r.block)))} ms\n`);

  const block = quantile(sliced.map((r) => r.block), 0.5);
  const blockBase = quantile(atOnce.map((r) => r.block), 0.5);
  const searched = quantile(sliced.map((r) => r.total), 0.5);
  const total = quantile(withStored.map((r) => r.total), 0.5);
  const sameVersionMs = quantile(sameVersion.map((r) => r.total), 0.5);
  process.stderr.write(`reader-reanchor: with stored placements ${JSON.stringify(withStored[0]!.counts)}; same-version pane ${round2(sameVersionMs)} ms\n`);
  return [
    { metric: "reader_reanchor_block_ms", value: round2(block), unit: "ms", target: 50, baseline: round2(blockBase), ratio: round2(block / blockBase) },
    { metric: "reader_reanchor_ms", value: round2(total), unit: "ms", target: 2000, baseline: round2(searched), ratio: round2(total / Math.max(searched, 0.01)) },
    { metric: "reader_reanchor_idle_slices", value: Math.max(...withStored.map((r) => r.slices)), unit: "count", target: 0, baseline: quantile(sliced.map((r) => r.slices), 0.5), ratio: 0 },
    // Baseline: the same work as the browser did it before (the searching pane, idle slices included).
    { metric: "reanchor_server_ms", value: round2(serverMs), unit: "ms", target: 2000, baseline: round2(searched), ratio: round2(serverMs / Math.max(searched, 0.01)) },
  ];
}
