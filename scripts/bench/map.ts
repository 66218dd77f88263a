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
 *
 * `map_remote_update_ms`: the real MapView (data hook, graph, filters, sidebar, React Flow) on
 * a workspace of 20 documents with 10,000 annotations and that map laid out
 * (_map/workspace.ts); another client changes one placed annotation's themes, the update is
 * applied to its document's Y.Doc as the provider applies it, and the main thread's work from
 * there until the node shows the new theme and the next frame is drawn is summed from a Chrome
 * trace (RunTask on CrRendererMain between two user-timing marks; idle time waiting for frames
 * is not counted). Median of 9 updates after 2 warm-ups. Baseline: the same page and update
 * with the map's data hook as it was before it read incrementally (_map/use-map-data-full.ts:
 * every annotation of every document re-read and validated on each change). Target: one frame.
 *
 * `map_remote_data_ms`: the data part of that update alone, in the same page on copies of the
 * docs no view watches, timed synchronously: applying the update and building the map's
 * annotation catalogue (the watcher re-reads the one entry; snapshot; titles). Median of 9
 * after 3 warm-ups. Baseline: the full re-read the map did before (every annotation, every
 * document, and the workspace doc). Target: 4 ms, a quarter of a frame: the view needs the rest.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { build, type Plugin } from "esbuild";
import { launchBrowser } from "../../e2e/support/launch";
import { fromElkGraph, toElkGraph, type ElkInput, type ElkOutput } from "../../lib/core/argument/elk-graph";
import { WARM_UP, WARM_UP_OPTIONS } from "../../components/argument/layout-protocol";
import { syntheticMap } from "./_map/synthetic";
import { remoteWorkspace } from "./_map/workspace";
import type { BenchResult } from "../bench";

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const round = (n: number) => Math.round(n * 10) / 10;
/** Ratios far below 1 would all print as 0 with one decimal. */
const ratio = (value: number, baseline: number) => Math.round((value / Math.max(baseline, 1e-6)) * 100) / 100;

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

export async function bundlePage(dir: string, entry = "scripts/bench/_map/page.tsx", plugins: Plugin[] = []): Promise<void> {
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    // One name whatever the entry: serve() hands out /page.js and /page.css.
    entryNames: "page",
    outdir: dir,
    format: "esm",
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".module.css": "local-css", ".css": "css" },
    // The map's components take their translations from next-intl, which runs on use-intl.
    alias: { "next-intl": "use-intl" },
    tsconfig: path.join(root, "tsconfig.json"),
    plugins,
    logLevel: "error",
  });
}

/** Resolves `specifier` imported by `importer` (a path under the repository) to `target` instead. */
export function substitute(importer: string, specifier: string, target: string): Plugin {
  return {
    name: `substitute ${specifier}`,
    setup(b) {
      const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
      b.onResolve({ filter }, (args) => (path.relative(root, args.importer) === importer ? { path: path.join(root, target) } : undefined));
    },
  };
}

export function serve(dir: string, data: unknown, global = "__MAP__"): Promise<{ server: Server; url: string }> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/page.css"></head><body style="margin:0"><div id="root"></div><script>window.${global}=${JSON.stringify(data).replace(/</g, "\\u003c")}</script><script type="module" src="/page.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const file = req.url === "/page.js" ? "page.js" : req.url === "/page.css" ? "page.css" : null;
    if (req.url !== "/" && !file) return void res.writeHead(404).end();
    if (!file) return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    res.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/css" }).end(readFileSync(path.join(dir, file)));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** Longest RunTask on the renderer's main thread while panning and zooming, in ms. */
export async function longestTask(url: string, report?: (tasks: number[]) => void): Promise<number> {
  const browser = await launchBrowser();
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

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * The renderer main thread's busy time inside each [`<label>:start`, `<label>:end`] window of
 * user-timing marks, in ms: the union of its RunTask events clipped to the window, so time
 * spent idle, waiting for a frame, does not count.
 */
function busyBetweenMarks(events: readonly TraceEvent[], labels: readonly string[]): number[] {
  const mains = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.name === "RunTask" && e.ph === "X" && mains.has(`${e.pid}:${e.tid}`)).map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const);
  tasks.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of tasks) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const mark = (name: string) => {
    const m = events.find((e) => e.cat?.includes("blink.user_timing") && e.name === name);
    if (!m) throw new Error(`no mark ${name} in the trace`);
    return m.ts;
  };
  return labels.map((label) => {
    const from = mark(`${label}:start`);
    const to = mark(`${label}:end`);
    let busy = 0;
    for (const [s, e] of merged) busy += Math.max(0, Math.min(e, to) - Math.max(s, from));
    return busy / 1000;
  });
}

const UPDATE_WARM_UPS = 2;
const UPDATE_RUNS = 9;
const DATA_WARM_UPS = 3;
const DATA_RUNS = 9;

/**
 * Median main-thread ms of one remote tag update on the page at `url` (see the header), and
 * when asked, the data part alone in both modes.
 */
export async function remoteUpdate(url: string, label: string, withData = false): Promise<{ update: number; data?: { incremental: number; full: number } }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=map-node][data-kind=annotation]").length > 0, undefined, { timeout: 120_000 }).catch((e: unknown) => {
      throw new Error(`${label}: the map did not render${errors.length ? ` (${errors.join("; ")})` : ""}: ${String(e)}`);
    });
    await page.waitForTimeout(1500); // fitView and the first frames settle; not part of the measure
    for (let i = 0; i < UPDATE_WARM_UPS; i++) await page.evaluate((run) => window.benchUpdate!(run), i);
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
    const wall: number[] = [];
    const runs = Array.from({ length: UPDATE_RUNS }, (_, i) => UPDATE_WARM_UPS + i);
    for (const run of runs) {
      wall.push((await page.evaluate((r) => window.benchUpdate!(r), run)).wallMs);
      await page.waitForTimeout(100);
    }
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
    const busy = busyBetweenMarks(trace.traceEvents, runs.map((r) => `remote-${r}`));
    process.stderr.write(`map_remote_update_ms ${label}: busy ${busy.map(round).join(", ")} ms; wall ${wall.map(Math.round).join(", ")} ms\n`);
    if (!withData) return { update: median(busy) };
    const data = async (mode: "incremental" | "full") => {
      const times = (await page.evaluate(([m, n]) => window.benchData!(m, n), [mode, DATA_WARM_UPS + DATA_RUNS] as const)).slice(DATA_WARM_UPS);
      process.stderr.write(`map_remote_data_ms ${mode}: ${times.map((t) => round(t)).join(", ")} ms\n`);
      return median(times);
    };
    return { update: median(busy), data: { incremental: await data("incremental"), full: await data("full") } };
  } finally {
    await browser.close();
  }
}

/** The remote-update page in two builds: the map as it is, and with the full re-read (baseline). */
async function remoteUpdateBench(positions: Record<string, { x: number; y: number }>): Promise<BenchResult[]> {
  const payload = remoteWorkspace(positions);
  process.stderr.write(`map_remote_update_ms workspace: ${payload.annotations} annotations in ${payload.docs.length} documents, ${payload.mapNodes} map entries, ${payload.links} links\n`);
  const session = substitute("components/argument/MapView.tsx", "@/lib/collab/client/react/use-map-session", "scripts/bench/_map/session.ts");
  const incremental = mkdtempSync(path.join(tmpdir(), "synoptic-map-remote-"));
  const full = mkdtempSync(path.join(tmpdir(), "synoptic-map-remote-full-"));
  try {
    await bundlePage(incremental, "scripts/bench/_map/remote.tsx", [session]);
    await bundlePage(full, "scripts/bench/_map/remote.tsx", [session, substitute("components/argument/MapView.tsx", "@/lib/collab/client/react/use-map-data", "scripts/bench/_map/use-map-data-full.ts")]);
    const a = await serve(incremental, payload, "__REMOTE__");
    const b = await serve(full, payload, "__REMOTE__");
    try {
      const now = await remoteUpdate(a.url, "incremental", true);
      const before = await remoteUpdate(b.url, "full re-read");
      const data = now.data!;
      return [
        { metric: "map_remote_update_ms", value: round(now.update), unit: "ms", target: 16, baseline: round(before.update), ratio: ratio(now.update, before.update) },
        { metric: "map_remote_data_ms", value: round(data.incremental), unit: "ms", target: 4, baseline: round(data.full), ratio: ratio(data.incremental, data.full) },
      ];
    } finally {
      a.server.close();
      b.server.close();
    }
  } finally {
    rmSync(incremental, { recursive: true, force: true });
    rmSync(full, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const layout = await layoutBench();
  const dir = mkdtempSync(path.join(tmpdir(), "synoptic-map-bench-"));
  let pan: BenchResult;
  try {
    await bundlePage(dir);
    const { nodes, edges } = syntheticMap(1000, 2000);
    const full = await serve(dir, { nodes, edges, positions: layout.positions });
    const empty = await serve(dir, { nodes: [], edges: [], positions: {} });
    try {
      const value = await longestTask(full.url);
      const baseline = await longestTask(empty.url);
      pan = { metric: "map_longest_task_ms", value: round(value), unit: "ms", target: 50, baseline: round(baseline), ratio: round(value / Math.max(baseline, 1e-6)) };
    } finally {
      full.server.close();
      empty.server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [layout.result, pan, ...(await remoteUpdateBench(layout.positions))];
}
