/**
 * Migrations through the wasm schema engine: applied, recorded like `prisma migrate deploy`,
 * idempotent, and failing with sentences that say what to do.
 */
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { isAppError } from "../../lib/core/errors";
import { disconnectPrisma, prisma } from "../../lib/infra/db/client";
import { freePort } from "../../lib/infra/db/embedded";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "../../lib/infra/db/migrate";
import { withDatabase } from "../../lib/infra/db/schema-engine";

const url = inject("databaseUrl");
const scratch: string[] = [];

async function query<T extends pg.QueryResultRow>(dbUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An empty database next to the test database, dropped after the file. */
async function scratchDatabase(): Promise<string> {
  const name = `synoptic_scratch_${Math.random().toString(36).slice(2, 10)}`;
  await query(url, `CREATE DATABASE "${name}"`);
  scratch.push(name);
  return withDatabase(url, name);
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

afterAll(async () => {
  await disconnectPrisma();
  for (const name of scratch) await query(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("applyMigrations", () => {
  it("has been run by the global setup, and env and inject agree", () => {
    expect(process.env.DATABASE_URL).toBe(url);
  });

  it("records every migration in _prisma_migrations with the file's checksum", async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is idempotent", async () => {
    await expect(applyMigrations(url)).resolves.toEqual({ applied: [] });
  });

  it("migrates a fresh database from nothing, then does nothing", async () => {
    const fresh = await scratchDatabase();
    const first = await applyMigrations(fresh);
    expect(first.applied).toEqual(await migrationNames());
    expect(await applyMigrations(fresh)).toEqual({ applied: [] });
    const tables = await query<{ tablename: string }>(fresh, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(["User", "Workspace", "_prisma_migrations"]));
  });

  it("gives the shared Prisma client a working schema", async () => {
    const email = `migrate-${Date.now()}@test.local`;
    const user = await prisma.user.create({ data: { email, name: "Migrate Test" } });
    expect(await prisma.user.findUnique({ where: { email } })).toMatchObject({ id: user.id });
  });

  it("says which server it cannot reach, and why", async () => {
    const port = await freePort(); // nothing listens there
    const error = await applyMigrations(`postgresql://postgres:secret@127.0.0.1:${port}/nowhere`).catch((e: unknown) => e);
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: "db_unavailable" });
    expect((error as Error).message).toMatch(new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect((error as Error).message).not.toContain("secret");
  });

  it("names a failing migration and the database's reason, then blocks until it is resolved", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "synoptic-migrations-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const bad = "29991231000000_broken";
      await mkdir(path.join(dir, bad));
      await writeFile(path.join(dir, bad, "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n');
      const fresh = await scratchDatabase();

      const first = await applyMigrations(fresh, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(first).toMatchObject({ code: "migration_failed", details: { migration: bad } });
      expect((first as Error).message).toContain(`Migration ${bad}`);
      expect((first as Error).message).toMatch(/NoSuchTable/);

      // The migrations before it were applied; the failed one is recorded as unfinished.
      const rows = await query<{ migration_name: string; finished_at: Date | null }>(
        fresh,
        'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(rows.at(-1)).toMatchObject({ migration_name: bad, finished_at: null });

      const second = await applyMigrations(fresh, { migrationsDir: dir }).catch((e: unknown) => e);
      expect(second).toMatchObject({ code: "migration_failed", details: { migration: bad, engineCode: "P3009" } });
      expect((second as Error).message).toContain("rolled_back_at");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("applies migrations whose comments, strings and function bodies hold semicolons", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "synoptic-migrations-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
      const name = "29991231000000_semicolons";
      await mkdir(path.join(dir, name));
      await writeFile(
        path.join(dir, name, "migration.sql"),
        [
          "-- A comment; with a semicolon.",
          'CREATE TABLE "Semi" ("note" TEXT NOT NULL DEFAULT \'a;b\');',
          "/* block; comment */",
          'CREATE FUNCTION "semi_one"() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;',
        ].join("\n"),
      );
      const fresh = await scratchDatabase();
      const result = await applyMigrations(fresh, { migrationsDir: dir });
      expect(result.applied).toContain(name);
      expect(await query<{ one: number; note: string }>(fresh, 'INSERT INTO "Semi" DEFAULT VALUES RETURNING "semi_one"() AS one, "note"')).toEqual([{ one: 1, note: "a;b" }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
