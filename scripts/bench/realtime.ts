/**
 * Realtime benchmark: 50 real providers on one document over loopback, one of them creating
 * annotations at 10 per second; latency = creation → arrival at every other client (the last
 * arrival counts). Measured through the full collab server (auth, append log, persistence,
 * projection) and through a bare Hocuspocus server in the same run.
 */
import { randomBytes } from "node:crypto";
import { Server } from "@hocuspocus/server";
import { openCollabDoc, type CollabDocHandle } from "../../lib/collab/client/connect";
import { mintConnectionToken } from "../../lib/collab/auth/token";
import { annotationsDocName, buildAnchor, checkAnchor, createAnnotation } from "../../lib/collab/model";
import type { BenchResult } from "../bench";
import { DEMO_TEXT, makeBenchWorld, quantile, round2, type BenchWorld } from "./_collab-world";

const CLIENTS = 50;
const WARMUP = 10;
const SAMPLES = 150;
const INTERVAL_MS = 100;
const ORIGIN = "http://localhost:3000";

async function measure(url: string, name: string, world: BenchWorld, secret: string): Promise<number[]> {
  const token = (userId: string) => () => mintConnectionToken({ userId, kind: "browser", sessionVersion: 0, secret });
  const handles: CollabDocHandle[] = [];
  const arrivals = new Map<string, number[]>();
  try {
    for (let i = 0; i < CLIENTS; i++) {
      const userId = i === 0 ? world.editor.id : world.viewer.id;
      const h = openCollabDoc({ url, name, token: token(userId), origin: ORIGIN });
      handles.push(h);
      if (i > 0) {
        h.doc.getMap("annotations").observe((event) => {
          const t = performance.now();
          for (const key of event.keysChanged) {
            const list = arrivals.get(key) ?? [];
            list.push(t);
            arrivals.set(key, list);
          }
        });
      }
    }
    await Promise.all(handles.map((h) => h.ready));
    const writer = handles[0]!;
    const latencies: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      let at = (i * 37) % (DEMO_TEXT.length - 20);
      while (checkAnchor(DEMO_TEXT, buildAnchor(DEMO_TEXT, world.versionId, at, at + 8))) at++;
      const id = `bench-${i}-${randomBytes(3).toString("hex")}`;
      const created = performance.now();
      createAnnotation(writer.doc, { id, anchor: buildAnchor(DEMO_TEXT, world.versionId, at, at + 8), colour: "#336699" }, world.editor, new Date());
      await waitUntil(() => (arrivals.get(id)?.length ?? 0) >= CLIENTS - 1, 5_000);
      const last = Math.max(...(arrivals.get(id) ?? [Number.NaN]));
      if (i >= WARMUP) latencies.push(last - created);
      const next = created + INTERVAL_MS;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
    return latencies;
  } finally {
    for (const h of handles) h.destroy();
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error("an annotation did not reach every client in time");
    await new Promise((r) => setImmediate(r));
  }
}

export async function run(): Promise<BenchResult[]> {
  const world = await makeBenchWorld("bench-realtime");
  const secret = randomBytes(32).toString("base64url");
  const name = annotationsDocName(world.workspaceId, world.documentId);
  const { createCollabServer } = await import("../../lib/collab/server");
  const bare = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
  await bare.listen();
  const full = await createCollabServer({ port: 0, host: "127.0.0.1", secret, allowedOrigins: [ORIGIN], appendLog: process.env.BENCH_APPEND_LOG !== "0" });
  try {
    // Bare first, full second, then once more each, so warm-up and GC do not favour one side.
    const bareLat = [...(await measure(`ws://127.0.0.1:${bare.address.port}`, name + ":bare1", world, secret))];
    const fullLat = [...(await measure(full.url, name, world, secret))];
    bareLat.push(...(await measure(`ws://127.0.0.1:${bare.address.port}`, name + ":bare2", world, secret)));
    fullLat.push(...(await measure(full.url, name, world, secret)));
    const p50 = quantile(fullLat, 0.5);
    const p95 = quantile(fullLat, 0.95);
    const bareP50 = quantile(bareLat, 0.5);
    const bareP95 = quantile(bareLat, 0.95);
    return [
      { metric: "realtime_p50_ms", value: round2(p50), unit: "ms", target: 30, baseline: round2(bareP50), ratio: round2(p50 / bareP50) },
      { metric: "realtime_p95_ms", value: round2(p95), unit: "ms", target: 30, baseline: round2(bareP95), ratio: round2(p95 / bareP95) },
      { metric: "realtime_p95_ratio", value: round2(p95 / bareP95), unit: "ratio", target: 1.25, baseline: 1, ratio: round2(p95 / bareP95) },
    ];
  } finally {
    await full.destroy();
    await bare.destroy();
    await world.dispose();
  }
}
