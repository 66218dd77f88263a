/**
 * Argument-map benchmark (issue #7).
 *
 * `map_layout_ms`: elkjs (layered, two levels: lib/core/argument/elk-graph.ts) lays out a map
 * of 1,000 nodes and 2,000 edges in a worker thread — off the main thread, as the page's Web
 * Worker does, and warmed up as it is; median of 3 runs, each in a fresh worker. Baseline: the
 * same graph as one piece with ELK's default layered options.
 *
 * `map_longest_task_ms`: the real MapCanvas (React Flow) with that map, bundled by esbuild and
 * opened in headless Debian chromium; after the first render, 3 s of panning (mouse drags) and
 * zooming (wheel); the longest main-thread task read from a Chrome trace (RunTask on
 * CrRendererMain). Baseline: the same with an empty map (what the browser costs by itself).
 * MAP_BENCH_DEBUG=1 prints what each task over 50 ms spent its time on.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { fromElkGraph, toElkGraph, type ElkInput, type ElkOutput } from "../../lib/core/argument/elk-graph";
import { WARM_UP, WARM_UP_OPTIONS } from "../../components/map/layout-protocol";
import { syntheticMap } from "./_map/synthetic";
import type { BenchResult } from "../bench";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A worker thread running ELK, warmed up the way the page's worker is (layout.worker.ts lays
 * out a small graph when it starts, while the page syncs its documents).
 */
async function startLayoutWorker(): Promise<{ layout: (g: ElkInput) => Promise<{ ms: number; out: ElkOutput }>; stop: () => Promise<number> }> {
  const elkPath = require.resolve("elkjs/lib/elk.bundled.js");
  const code = `
    const { parentPort } = require("node:worker_threads");
    const ELK = require(${JSON.stringify(elkPath)});
    const elk = new ELK();
    parentPort.on("message", async (g) => { parentPort.postMessage(await elk.layout(g)); });`;
  const worker = new Worker(code, { eval: true });
  const layout = (g: ElkInput) =>
    new Promise<{ ms: number; out: ElkOutput }>((resolve, reject) => {
      const t0 = performance.now();
      worker.once("message", (out: ElkOutput) => resolve({ ms: performance.now() - t0, out }));
      worker.once("error", reject);
      worker.postMessage(g);
    });
  await layout(toElkGraph(WARM_UP.nodes, WARM_UP.edges, WARM_UP_OPTIONS));
  return { layout, stop: () => worker.terminate() };
}

export async function layoutBench(): Promise<{ result: BenchResult; positions: Record<string, { x: number; y: number }> }> {
  const { nodes, edges } = syntheticMap(1000, 2000);
  const runs: number[] = [];
  let positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < 3; i++) {
    // A fresh (warmed) worker per run, as each page load has.
    const w = await startLayoutWorker();
    const { ms, out } = await w.layout(toElkGraph(nodes, edges));
    await w.stop();
    runs.push(ms);
    positions = fromElkGraph(out);
  }
  // Baseline: the whole map as one layered graph with ELK's default options.
  const w = await startLayoutWorker();
  const baseline = (await w.layout({ ...toElkGraph(nodes, edges, { twoLevelFrom: Infinity }), layoutOptions: { "elk.algorithm": "layered", "elk.direction": "DOWN" } })).ms;
  await w.stop();
  runs.sort((a, b) => a - b);
  const value = runs[1]!;
  process.stderr.write(`map_layout_ms runs: ${runs.map(Math.round).join(", ")}\n`);
  return { result: { metric: "map_layout_ms", value: round(value), unit: "ms", target: 3000, baseline: round(baseline), ratio: round(value / baseline) }, positions };
}

export async function bundlePage(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, "scripts/bench/_map/page.tsx")],
    bundle: true,
    outdir: dir,
    format: "esm",
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".module.css": "local-css", ".css": "css" },
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "error",
  });
}

export function serve(dir: string, data: unknown): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/page.css"></head><body style="margin:0"><div id="root"></div><script>window.__MAP__=${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script type="module" src="/page.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const file = req.url === "/page.js" ? "page.js" : req.url === "/page.css" ? "page.css" : null;
    if (!file) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/css" }).end(readFileSync(path.join(dir, file)));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** Longest RunTask on the renderer's main thread while panning and zooming, in ms. */
export async function longestTask(url: string, report?: (tasks: number[]) => void): Promise<number> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(url);
    await page.waitForFunction(() => window.__READY__ === true, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1500); // first render and fitView settle; not part of the measure
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const t0 = Date.now();
    let i = 0;
    while (Date.now() - t0 < 3000) {
      await page.mouse.move(640, 430);
      await page.mouse.down();
      for (let s = 1; s <= 10; s++) await page.mouse.move(640 + (i % 2 ? -1 : 1) * s * 15, 430 + s * 6);
      await page.mouse.up();
      await page.mouse.wheel(0, i % 2 ? -240 : 240);
      await page.waitForTimeout(30);
      i++;
    }
    await page.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }[] };
    const mains = new Set(trace.traceEvents.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
    const tasks = trace.traceEvents.filter((e) => e.name === "RunTask" && e.ph === "X" && mains.has(`${e.pid}:${e.tid}`)).map((e) => (e.dur ?? 0) / 1000);
    tasks.sort((a, b) => b - a);
    if (process.env.MAP_BENCH_DEBUG) {
      const evs = trace.traceEvents as unknown as { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number }[];
      const main = evs.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === "X");
      const long = main.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 50_000);
      const t0 = Math.min(...main.map((e) => e.ts));
      for (const l of long) {
        const inner = new Map<string, number>();
        for (const e of main) if (e !== l && e.ts >= l.ts && e.ts <= l.ts + l.dur!) inner.set(e.name, (inner.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
        process.stderr.write(`task at ${Math.round((l.ts - t0) / 1000)}ms ${Math.round(l.dur! / 1000)}ms: ${[...inner].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, d]) => `${n}=${Math.round(d)}`).join(" ")}\n`);
      }
    }
    report?.(tasks.slice(0, 10));
    return tasks[0] ?? 0;
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const layout = await layoutBench();
  const dir = mkdtempSync(path.join(tmpdir(), "synoptic-map-bench-"));
  try {
    await bundlePage(dir);
    const { nodes, edges } = syntheticMap(1000, 2000);
    const full = await serve(dir, { nodes, edges, positions: layout.positions });
    const empty = await serve(dir, { nodes: [], edges: [], positions: {} });
    try {
      const value = await longestTask(full.url);
      const baseline = await longestTask(empty.url);
      return [layout.result, { metric: "map_longest_task_ms", value: round(value), unit: "ms", target: 50, baseline: round(baseline), ratio: round(value / Math.max(baseline, 1e-6)) }];
    } finally {
      full.server.close();
      empty.server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
