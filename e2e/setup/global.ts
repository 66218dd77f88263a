/**
 * Global setup of the `e2e` project: a fresh migrated database seeded with the demo
 * workspace (as on a first `npm start`), a production build of the app (rebuilt only
 * when sources changed) and `next start` on a free port.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../../tests/support/test-database";
import { freePort } from "../../lib/server/db/embedded";
import { buildIfNeeded } from "../../scripts/start/build";
import { nextBin } from "../../scripts/start/next-bin";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
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
  const baseUrl = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    COLLAB_TOKEN_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
  process.env.DATABASE_URL = db.url;
  try {
    const { seedDemoIfEmpty } = await import("../../lib/server/demo/seed-demo");
    const { disconnectPrisma } = await import("../../lib/server/db/client");
    await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
    await disconnectPrisma();
    await buildIfNeeded(root);
  } catch (e) {
    // Stop the database, or the embedded server keeps vitest alive after the failure.
    await db.dispose();
    throw e;
  }

    const server = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const exited = new Promise<never>((_, reject) => server.once("exit", (code) => reject(new Error(`next start exited with code ${code}`))));
  try {
    await Promise.race([waitForHealth(baseUrl, 60_000), exited]);
  } catch (e) {
    server.kill("SIGTERM");
    await db.dispose();
    throw e;
  }
  project.provide("e2eBaseUrl", baseUrl);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode === null ? server.once("exit", r) : r(null)));
    await db.dispose();
  };
}
