/**
 * `import_hostile_health_p99_ms` (part of the import suite; the runner skips files starting
 * with _): the p99 latency of `/api/health` on a production `next start` while hostile files
 * are uploaded through the real route — 1,000 and 20,000 nested <div>s (the first froze the
 * whole server for 27 s before extraction moved to the worker pool), a DOCX whose zip lies
 * about its size, and a deep page Readability still works on for seconds. Baseline: the same
 * probe with no import running, in the same run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bombDocx, heavyHtml, nestedHtml } from "../../tests/support/hostile-files";
import { quantile } from "./_collab-world";
import { waitHttp } from "./_http";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** Probe for at least this long in each phase, so that p99 rests on a few hundred samples. */
const PHASE_MS = 8_000;
const PROBE_INTERVAL_MS = 10;

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookie header. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  jar.push(...res.headers.getSetCookie().map((c) => c.split(";")[0]));
  if (!jar.some((c) => c?.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return jar.join("; ");
}

/** Health latencies while `busy` runs (or for PHASE_MS when it is null). */
async function probeHealth(baseUrl: string, busy: (() => Promise<void>) | null): Promise<number[]> {
  const latencies: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${baseUrl}/api/health`)).text();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
    }
  })();
  const until = Date.now() + PHASE_MS;
  if (busy) while (Date.now() < until) await busy();
  else await new Promise((r) => setTimeout(r, PHASE_MS));
  running = false;
  await probe;
  return latencies;
}

/** Starts a database and `next start`, measures, and stops both. */
export async function hostileHealth(): Promise<{ value: number; baseline: number; failures: string[] }> {
  process.env.LOG_LEVEL ??= "warn";
  const previousUrl = process.env.DATABASE_URL;
  const { createTestDatabase } = await import("../../tests/support/test-database");
  const { freePort } = await import("../../lib/infra/db/embedded");
  const db = await createTestDatabase("bench-import");
  process.env.DATABASE_URL = db.url;
  let web: ChildProcess | null = null;
  try {
    const { seedDemoIfEmpty, DEMO_USERS, DEMO_WORKSPACE } = await import("../../lib/server/demo/seed-demo");
    const { prisma, disconnectPrisma } = await import("../../lib/infra/db/client");
    await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
    await disconnectPrisma();
    const port = await freePort();
    // A port nobody listens on: the health report's collab check fails fast instead of asking another server.
    const collabPort = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env = { ...process.env, DATABASE_URL: db.url, PORT: String(port), NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), COLLAB_TOKEN_SECRET: randomBytes(32).toString("base64url"), COLLAB_PORT: String(collabPort), NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
    const { buildIfNeeded } = await import("../start/build");
    const { nextBin } = await import("../start/next-bin");
    await buildIfNeeded(root);
    web = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", process.env.BENCH_DEBUG ? "inherit" : "ignore", "inherit"] });
    await waitHttp(`${baseUrl}/api/health`, 60_000);
    const cookie = await signIn(baseUrl, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const failures: string[] = [];
    const upload = async (fileName: string, bytes: Uint8Array, expect: number) => {
      const send = () => fetch(`${baseUrl}/api/workspaces/${ws.id}/documents`, { method: "POST", headers: { cookie, "x-file-name": encodeURIComponent(fileName) }, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
      // A kept-alive socket the server has just closed fails once; a browser retries too.
      const res = await send().catch(send);
      const body = await res.text();
      if (res.status !== expect) failures.push(`${fileName}: ${res.status} ${body.slice(0, 200)}`);
    };
    const files = { deep: nestedHtml(1_000), deeper: nestedHtml(20_000), lying: bombDocx(110, 1024), heavy: heavyHtml(600, 90) };
    await upload("warm-up.html", files.deep, 201); // the first upload starts a worker
    const baseline = await probeHealth(baseUrl, null);
    const busy = await probeHealth(baseUrl, async () => {
      await Promise.all([upload("deep.html", files.deep, 201), upload("lying.docx", files.lying, 413), upload("deeper.html", files.deeper, 413), upload("heavy.html", files.heavy, 201)]);
    });
    if (process.env.BENCH_DEBUG) process.stderr.write(`health samples: ${baseline.length} idle, ${busy.length} busy; busy max ${Math.max(...busy).toFixed(0)} ms\n`);
    return { value: quantile(busy, 0.99), baseline: quantile(baseline, 0.99), failures };
  } finally {
    if (web && web.exitCode === null && web.signalCode === null) {
      const exited = new Promise((r) => web!.once("exit", r));
      web.kill("SIGTERM");
      await exited;
    }
    const { closeExtractPool } = await import("../../lib/server/import/extract-pool");
    await closeExtractPool();
    await db.dispose();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
