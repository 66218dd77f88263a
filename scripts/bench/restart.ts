/**
 * Restart benchmark: 10 clients write annotations into one document while one part of the system
 * restarts; then every client must hold every annotation and the projection must too.
 *
 * - restart_pg_lost: PostgreSQL (a private embedded one) stopped for 3 s and started again, one
 *   collab instance; writes keep going in the clients meanwhile
 * - restart_redis_lost: a private redis-server killed (SIGKILL) and restarted after 2 s, clients
 *   split over two instances joined by it
 * - restart_collab_lost: the instance all clients are on killed with SIGKILL; clients reach the
 *   other instance through a TCP forwarder (the proxy's job in deploy/)
 * Each comes with restart_*_resync_ms: from the moment the part is back (clients keep writing
 * for 3 s after it) until every client holds every annotation and has nothing unacknowledged.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { openCollabDoc, type CollabDocHandle } from "../../lib/collab/client/connect";
import { mintConnectionToken } from "../../lib/collab/auth/token";
import { annotationsDocName, buildAnchor, createAnnotation } from "../../lib/collab/model";
import type { BenchResult } from "../bench";
import { startBenchServer, type BenchServer } from "./_collab-child";
import { benchWorldOn, DEMO_TEXT, round2, type BenchWorld } from "./_collab-world";
import { ORIGIN } from "./_load";

const WRITERS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  lost: number;
  resyncMs: number;
}

/** Writes for 2 s, runs `disrupt` (resolves once the part is back), writes 3 s more, then checks. */
async function scenario(world: BenchWorld, secret: string, urlOf: (i: number) => string, disrupt: () => Promise<void>, stop: () => Promise<void>): Promise<Outcome> {
  const { createDocument } = await import("../../lib/server/documents/create-document");
  const { prisma } = await import("../../lib/infra/db/client");
  const owner = (await prisma.membership.findFirstOrThrow({ where: { workspaceId: world.workspaceId, role: "owner" } })).userId;
  const doc = await createDocument(world.workspaceId, owner, { title: "restart" }, { text: DEMO_TEXT, blocks: [] }, new Date());
  const versionId = (await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id } })).id;
  const name = annotationsDocName(world.workspaceId, doc.id);
  const token = () => mintConnectionToken({ userId: world.editor.id, kind: "browser", sessionVersion: 0, secret });
  const handles: CollabDocHandle[] = Array.from({ length: WRITERS }, (_, i) => openCollabDoc({ url: urlOf(i), name, token, origin: ORIGIN }));
  const created: string[] = [];
  try {
    await Promise.all(handles.map((h) => h.ready));
    let writing = true;
    const loop = (async () => {
      for (let n = 0; writing; n++) {
        handles.forEach((h, i) => {
          const at = ((n * WRITERS + i) * 41) % (DEMO_TEXT.length - 20);
          created.push(createAnnotation(h.doc, { anchor: buildAnchor(DEMO_TEXT, versionId, at, at + 6), colour: "#993300" }, world.editor, new Date()).id);
        });
        await sleep(200);
      }
    })();
    await sleep(2_000);
    await disrupt();
    const back = performance.now();
    await sleep(3_000);
    writing = false;
    await loop;
    const all = () => handles.every((h) => created.every((id) => h.doc.getMap("annotations").has(id)) && h.settled());
    const deadline = performance.now() + 60_000;
    while (!all() && performance.now() < deadline) await sleep(50);
    const resyncMs = performance.now() - back;
    const missingAtClients = new Set(created.filter((id) => handles.some((h) => !h.doc.getMap("annotations").has(id))));
    for (const h of handles) h.destroy();
    await stop();
    const stored = new Set((await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).map((r) => r.id));
    for (const id of created) if (!stored.has(id)) missingAtClients.add(id);
    process.stderr.write(`restart: ${created.length} written, ${missingAtClients.size} lost, in sync after ${Math.round(resyncMs)} ms\n`);
    return { lost: missingAtClients.size, resyncMs };
  } finally {
    for (const h of handles) h.destroy();
  }
}

/** A TCP forwarder to the first of `ports` that accepts (a proxy with failover, for the collab kill). */
function forwarder(ports: number[]): Promise<{ url: string; close(): void }> {
  const server = net.createServer((client) => {
    const attempt = (k: number) => {
      const upstream = net.connect(ports[k]!, "127.0.0.1");
      upstream.once("connect", () => {
        client.pipe(upstream).pipe(client);
        upstream.on("error", () => client.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.on("close", () => upstream.destroy());
      });
      upstream.once("error", () => (k + 1 < ports.length ? attempt(k + 1) : client.destroy()));
    };
    attempt(0);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `ws://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => server.close() })));
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((r) => net.connect(port, "127.0.0.1").once("connect", function (this: net.Socket) { this.destroy(); r(true); }).once("error", () => r(false)));
    if (ok) return child;
    await sleep(50);
  }
  throw new Error("redis-server did not start");
}

export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL ??= "warn";
  const { startEmbeddedPostgres, freePort } = await import("../../lib/infra/db/embedded");
  const { applyMigrations } = await import("../../lib/infra/db/migrate");
  const dataDir = await mkdtemp(path.join(tmpdir(), "synoptic-bench-restart-"));
  let pg = await startEmbeddedPostgres({ dataDir, port: 0, database: "synoptic_bench" });
  await applyMigrations(pg.url);
  const world = await benchWorldOn({ url: pg.url, dispose: async () => { await pg.stop(); await rm(dataDir, { recursive: true, force: true }); } });
  const secret = randomBytes(32).toString("base64url");
  const env = { DATABASE_URL: pg.url, COLLAB_TOKEN_SECRET: secret, BENCH_ORIGIN: ORIGIN, COLLAB_DEBOUNCE_MS: "500" };
  const results: BenchResult[] = [];
  const push = (key: string, o: Outcome) =>
    results.push(
      { metric: `restart_${key}_lost`, value: o.lost, unit: "annotations", target: 0, baseline: 0, ratio: 0 },
      { metric: `restart_${key}_resync_ms`, value: round2(o.resyncMs), unit: "ms", target: 10_000, baseline: 0, ratio: round2(o.resyncMs / 10_000) },
    );
  try {
    // PostgreSQL restart under one instance.
    {
      const server = await startBenchServer({ mode: "full", env });
      const o = await scenario(world, secret, () => server.url, async () => {
        const port = pg.port;
        await pg.stop();
        await sleep(3_000);
        pg = await startEmbeddedPostgres({ dataDir, port, database: "synoptic_bench" });
      }, () => server.stop());
      push("pg", o);
    }
    // Redis restart between two instances.
    {
      const redisPort = await freePort();
      let redis = await startRedis(redisPort);
      const redisEnv = { ...env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, REDIS_PREFIX: "restart" };
      const servers: BenchServer[] = await Promise.all([startBenchServer({ mode: "full", env: redisEnv }), startBenchServer({ mode: "full", env: redisEnv })]);
      const o = await scenario(world, secret, (i) => servers[i % 2]!.url, async () => {
        redis.kill("SIGKILL");
        await sleep(2_000);
        redis = await startRedis(redisPort);
      }, async () => {
        await Promise.all(servers.map((s) => s.stop()));
        redis.kill("SIGKILL");
      });
      push("redis", o);
    }
    // A collab instance killed with every client on it.
    {
      const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
      const redisEnv = { ...env, REDIS_URL: redisUrl, REDIS_PREFIX: `restart-${randomBytes(3).toString("hex")}` };
      const [a, b] = await Promise.all([startBenchServer({ mode: "full", env: redisEnv }), startBenchServer({ mode: "full", env: redisEnv })]);
      const proxy = await forwarder([a.port, b.port]);
      const o = await scenario(world, secret, () => proxy.url, () => a.kill(), async () => {
        await b.stop();
        proxy.close();
      });
      push("collab", o);
    }
    return results;
  } finally {
    await world.dispose();
  }
}
