/**
 * Scale-out benchmark: the load of load.ts with the clients of every document split across two
 * collab instances (own processes) joined by Redis, against the same load on one instance.
 * Needs Redis (REDIS_URL, default redis://127.0.0.1:6379); each run uses its own key prefix.
 *
 * - scaleout_p95_ms: creation → arrival at the last other client, two instances (baseline: one)
 * - scaleout_p95_ratio: two instances / one instance (target 1.5)
 * - scaleout_lost_updates: undelivered plus missing from the projection after both stored (target 0)
 */
import { randomBytes } from "node:crypto";
import type { BenchResult } from "../bench";
import { startBenchServer } from "./_collab-child";
import { makeBenchWorld, quantile, round2 } from "./_collab-world";
import { loadShape, makeLoadDocs, missingFromStore, ORIGIN, runLoad } from "./_load";

export async function run(): Promise<BenchResult[]> {
  const shape = loadShape({ connections: 400, docs: 40, rate: 5, seconds: 20 });
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const world = await makeBenchWorld("bench-scaleout");
  const secret = randomBytes(32).toString("base64url");
  const env = { DATABASE_URL: world.db.url, COLLAB_TOKEN_SECRET: secret, BENCH_ORIGIN: ORIGIN };
  try {
    const oneDocs = await makeLoadDocs(shape.docs);
    const one = await startBenchServer({ mode: "full", env });
    const oneRun = await runLoad({ urls: [one.url], docs: oneDocs, shape, secret, tag: "one" }).finally(() => one.stop());

    const twoDocs = await makeLoadDocs(shape.docs);
    const prefix = `synoptic-bench-${randomBytes(4).toString("hex")}`;
    const redisEnv = { ...env, REDIS_URL: redisUrl, REDIS_PREFIX: prefix };
    const [a, b] = await Promise.all([startBenchServer({ mode: "full", env: redisEnv }), startBenchServer({ mode: "full", env: redisEnv })]);
    const twoRun = await runLoad({ urls: [a.url, b.url], docs: twoDocs, shape, secret, tag: "two" });
    await Promise.all([a.stop(), b.stop()]);
    const missing = await missingFromStore(twoRun.sentIds);
    const lost = twoRun.undelivered + missing;
    const p95 = quantile(twoRun.latencies, 0.95);
    const oneP95 = quantile(oneRun.latencies, 0.95);
    process.stderr.write(
      `scaleout: ${shape.connections} connections / ${shape.docs} docs / ${shape.rate} per s / ${shape.seconds} s; sent ${twoRun.sent} (one instance ${oneRun.sent}); ` +
        `undelivered ${twoRun.undelivered} (one instance ${oneRun.undelivered}), missing from store ${missing}\n`,
    );
    return [
      { metric: "scaleout_p95_ms", value: round2(p95), unit: "ms", target: 50, baseline: round2(oneP95), ratio: round2(p95 / oneP95) },
      { metric: "scaleout_p95_ratio", value: round2(p95 / oneP95), unit: "ratio", target: 1.5, baseline: 1, ratio: round2(p95 / oneP95) },
      { metric: "scaleout_lost_updates", value: lost, unit: "updates", target: 0, baseline: oneRun.undelivered, ratio: 0 },
      { metric: "scaleout_connections", value: shape.connections, unit: "connections", target: 2000, baseline: 2000, ratio: round2(shape.connections / 2000) },
    ];
  } finally {
    await world.dispose();
  }
}
