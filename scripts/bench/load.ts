/**
 * Load benchmark: one collab instance (its own process) under C real WebSocket connections over
 * D documents at U updates per second per document, against a bare Hocuspocus server (also its
 * own process) at the same load. Default shape 400 × 40 × 5/s for 20 s (a shared 2-core
 * machine); the full load: `npm run bench -- load --connections=2000 --docs=200`.
 *
 * - load_p95_ms: creation → arrival at the last other client of the document (target 50)
 * - load_lost_updates: updates that never reached every client, plus sent annotations missing
 *   from the projection after the server stored on shutdown (target 0)
 * - load_cpu_pct / load_rss_mb: the collab process over the measured window (100 % = one core)
 * - load_p95_ratio: against the bare server (target 1.3)
 * - load_connections / load_docs / load_seconds: the shape that actually ran
 */
import { randomBytes } from "node:crypto";
import type { BenchResult } from "../bench";
import { startBenchServer, type ServerStats } from "./_collab-child";
import { makeBenchWorld, quantile, round2 } from "./_collab-world";
import { loadShape, makeLoadDocs, missingFromStore, ORIGIN, runLoad } from "./_load";

export async function run(): Promise<BenchResult[]> {
  const shape = loadShape({ connections: 400, docs: 40, rate: 5, seconds: 20 });
  const world = await makeBenchWorld("bench-load");
  const secret = randomBytes(32).toString("base64url");
  try {
    const docs = await makeLoadDocs(shape.docs);
    const bare = await startBenchServer({ mode: "bare", env: {} });
    const bareRun = await runLoad({ urls: [bare.url], docs, shape, secret, tag: "bare" }).finally(() => bare.stop());

    const full = await startBenchServer({ mode: "full", env: { DATABASE_URL: world.db.url, COLLAB_TOKEN_SECRET: secret, BENCH_ORIGIN: ORIGIN } });
    let first: ServerStats | undefined;
    let last: ServerStats | undefined;
    const window = { start: 0, end: 0 };
    const fullRun = await runLoad({
      urls: [full.url],
      docs,
      shape,
      secret,
      tag: "full",
      onWindow: async (phase) => {
        if (phase === "start") {
          first = await full.stats();
          window.start = performance.now();
        } else {
          last = await full.stats();
          window.end = performance.now();
        }
      },
    });
    await full.stop();
    const missing = await missingFromStore(fullRun.sentIds);
    const lost = fullRun.undelivered + missing;
    const cpuPct = first && last ? ((last.cpuMicros - first.cpuMicros) / 1000 / (window.end - window.start)) * 100 : Number.NaN;
    const rssMb = last ? last.rssBytes / 1024 / 1024 : Number.NaN;
    const p95 = quantile(fullRun.latencies, 0.95);
    const bareP95 = quantile(bareRun.latencies, 0.95);
    process.stderr.write(
      `load: ${shape.connections} connections / ${shape.docs} docs / ${shape.rate} per s / ${shape.seconds} s; sent ${fullRun.sent} (bare ${bareRun.sent}); ` +
        `undelivered ${fullRun.undelivered} (bare ${bareRun.undelivered}), missing from store ${missing}, auth errors ${fullRun.errors}\n`,
    );
    return [
      { metric: "load_p95_ms", value: round2(p95), unit: "ms", target: 50, baseline: round2(bareP95), ratio: round2(p95 / bareP95) },
      { metric: "load_lost_updates", value: lost, unit: "updates", target: 0, baseline: bareRun.undelivered, ratio: 0 },
      { metric: "load_cpu_pct", value: round2(cpuPct), unit: "%", target: 100, baseline: 100, ratio: round2(cpuPct / 100) },
      { metric: "load_rss_mb", value: round2(rssMb), unit: "MB", target: 1024, baseline: 1024, ratio: round2(rssMb / 1024) },
      { metric: "load_p95_ratio", value: round2(p95 / bareP95), unit: "ratio", target: 1.3, baseline: 1, ratio: round2(p95 / bareP95) },
      { metric: "load_connections", value: shape.connections, unit: "connections", target: 2000, baseline: 2000, ratio: round2(shape.connections / 2000) },
      { metric: "load_docs", value: shape.docs, unit: "documents", target: 200, baseline: 200, ratio: round2(shape.docs / 200) },
      { metric: "load_seconds", value: shape.seconds, unit: "s", target: shape.seconds, baseline: shape.seconds, ratio: 1 },
    ];
  } finally {
    await world.dispose();
  }
}
