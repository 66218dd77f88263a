/**
 * Global setup of the `e2e` project: a fresh migrated database seeded with the demo
 * workspace (as on a first `npm start`), a production build of the app (rebuilt only
 * when sources changed), the collab server (scripts/collab.ts, as `npm start` runs it), the job
 * worker (scripts/worker.ts, likewise) and
 * `next start`, each on a free port, with the same secrets and URLs as `npm start` gives them.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../tests/support/test-database";
import { freePort } from "../../lib/infra/db/embedded";
import { buildIfNeeded } from "../../scripts/start/build";
import { nextArgs } from "../../scripts/start/next-bin";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function waitForHealth(url: string, timeoutMs: number, healthPath = "/api/health"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}${healthPath}`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web server did not become healthy at ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createTestDatabase("e2e");
  const port = await freePort();
  const collabPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    COLLAB_TOKEN_SECRET: randomBytes(32).toString("base64url"),
    COLLAB_PORT: String(collabPort),
    COLLAB_PUBLIC_URL: `ws://localhost:${collabPort}`,
    COLLAB_ALLOWED_ORIGINS: `http://127.0.0.1:${port}`,
    // Short store debounce: tests read what the server persisted soon after a change.
    COLLAB_DEBOUNCE_MS: "200",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    // Every browser of the suite registers from 127.0.0.1.
    REGISTRATIONS_PER_HOUR: "100000",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  process.env.DATABASE_URL = db.url;
  try {
    const { seedDemoIfEmpty } = await import("../../lib/server/demo/seed-demo");
    const { disconnectPrisma } = await import("../../lib/infra/db/client");
    await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
    await disconnectPrisma();
    await buildIfNeeded(root);
  } catch (e) {
    // Stop the database, or the embedded server keeps vitest alive after the failure.
    await db.dispose();
    throw e;
  }

  // `node --import tsx` (not the tsx binary): one process, so SIGTERM reaches the server itself.
  const collab = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "collab.ts")], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const server = spawn(process.execPath, nextArgs("start", port), { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const stop = async (c: typeof server) => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await exited;
  };
  const exited = new Promise<never>((_, reject) => {
    server.once("exit", (code) => reject(new Error(`next start exited with code ${code}`)));
    collab.once("exit", (code) => reject(new Error(`the collab server exited with code ${code}`)));
    worker.once("exit", (code) => reject(new Error(`the job worker exited with code ${code}`)));
  });
  exited.catch(() => {});
  try {
    await Promise.race([Promise.all([waitForHealth(baseUrl, 60_000), waitForHealth(`http://127.0.0.1:${collabPort}`, 60_000, "/health")]), exited]);
  } catch (e) {
    await stop(collab);
    await stop(worker);
    await stop(server);
    await db.dispose();
    throw e;
  }
  project.provide("e2eBaseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", db.url);

  return async () => {
    // Collab first: its shutdown stores what is still debounced, which needs the database.
    await stop(collab);
    await stop(worker);
    await stop(server);
    await db.dispose();
  };
}
