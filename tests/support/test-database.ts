/**
 * A fresh, migrated database for one test run (integration and end-to-end):
 *
 * - `DATABASE_URL` set (CI, or the machine's PostgreSQL): a uniquely named database on that server,
 *   dropped afterwards. The database the URL names is never touched.
 * - Unset: an embedded PostgreSQL in a fresh temp directory on a free port, stopped and deleted
 *   afterwards. Nothing the developer runs (`.data/postgres`) is touched either.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "../../lib/infra/db/embedded";
import { applyMigrations } from "../../lib/infra/db/migrate";
import { probeDatabase } from "../../lib/infra/db/probe";
import { withDatabase } from "../../lib/infra/db/schema-engine";

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

async function onExternalServer(serverUrl: string): Promise<TestDatabase> {
  await probeDatabase(serverUrl);
  const name = `synoptic_test_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    // FORCE: a test that leaked a connection must not leave the database behind.
    dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function onEmbeddedServer(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "synoptic-test-pg-"));
  try {
    const server = await startEmbeddedPostgres({ dataDir, port: 0, database: "synoptic_test" });
    return {
      url: server.url,
      dispose: async () => {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates the run's database and applies every migration; `label` names it in the log line. */
export async function createTestDatabase(label: string): Promise<TestDatabase & { external: boolean }> {
  const started = Date.now();
  const serverUrl = process.env.DATABASE_URL;
  const db = serverUrl ? await onExternalServer(serverUrl) : await onEmbeddedServer();
  try {
    const { applied } = await applyMigrations(db.url);
    console.log(`[${label}] test database ready in ${Date.now() - started} ms (${serverUrl ? "DATABASE_URL server" : "embedded"}, ${applied.length} migrations)`);
  } catch (e) {
    await db.dispose();
    throw e;
  }
  return { ...db, external: Boolean(serverUrl) };
}
