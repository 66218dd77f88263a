/**
 * Soak benchmark: the load of load.ts held for a while on one collab instance (own process);
 * memory growth of that process between the start and the end of the window. Short by default
 * (60 s, 400 connections over 40 documents); the issue's soak is
 * `npm run bench -- soak --seconds=600 --connections=2000 --docs=200`.
 *
 * - soak_rss_growth_pct: RSS at the end / RSS at the start − 1 (target 10); it includes the
 *   documents' own growth (every update adds an annotation)
 * - soak_errors: refused connections + undelivered updates + annotations missing from the store
 * - soak_seconds: the duration that ran
 */
import { randomBytes } from "node:crypto";
import type { BenchResult } from "../bench";
import { startBenchServer, type ServerStats } from "./_collab-child";
import { makeBenchWorld, round2 } from "./_collab-world";
import { loadShape, makeLoadDocs, missingFromStore, ORIGIN, runLoad } from "./_load";

export async function run(): Promise<BenchResult[]> {
  const shape = loadShape({ connections: 400, docs: 40, rate: 5, seconds: 60 });
  const world = await makeBenchWorld("bench-soak");
  const secret = randomBytes(32).toString("base64url");
  try {
    const docs = await makeLoadDocs(shape.docs);
    const server = await startBenchServer({ mode: "full", env: { DATABASE_URL: world.db.url, COLLAB_TOKEN_SECRET: secret, BENCH_ORIGIN: ORIGIN } });
    const samples: ServerStats[] = [];
    const result = await runLoad({ urls: [server.url], docs, shape, secret, tag: "soak", onWindow: async () => void samples.push(await server.stats()) });
    await server.stop();
    const missing = await missingFromStore(result.sentIds);
    const [start, end] = samples;
    const growth = start && end ? (end.rssBytes / start.rssBytes - 1) * 100 : Number.NaN;
    const errors = result.errors + result.undelivered + missing;
    process.stderr.write(`soak: ${shape.connections} connections / ${shape.docs} docs / ${shape.rate} per s / ${shape.seconds} s; sent ${result.sent}; rss ${round2((start?.rssBytes ?? 0) / 2 ** 20)} → ${round2((end?.rssBytes ?? 0) / 2 ** 20)} MB; errors ${errors}\n`);
    return [
      { metric: "soak_rss_growth_pct", value: round2(growth), unit: "%", target: 10, baseline: 0, ratio: round2(growth / 10) },
      { metric: "soak_errors", value: errors, unit: "errors", target: 0, baseline: 0, ratio: 0 },
      { metric: "soak_seconds", value: shape.seconds, unit: "s", target: 600, baseline: 600, ratio: round2(shape.seconds / 600) },
    ];
  } finally {
    await world.dispose();
  }
}
