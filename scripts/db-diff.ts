/**
 * `npm run db:diff -- NAME` — `prisma migrate dev --create-only`, offline.
 *
 * Computes the SQL that takes the database described by `prisma/migrations` to the one described
 * by `prisma/schema.prisma` (wasm schema engine, see lib/infra/db/schema-engine.ts) and writes it
 * to `prisma/migrations/<YYYYMMDDHHMMSS>_<NAME>/migration.sql` plus `migration_lock.toml`.
 * Prints "no changes" and writes nothing when the two agree.
 *
 * `npm run db:diff -- --check` only compares and exits 1 when a migration is missing (for CI).
 *
 * The engine always wants a live connection, and replaying the existing migrations needs a scratch
 * ("shadow") database: it is created, and dropped afterwards, on the server `DATABASE_URL` names,
 * or else in a throwaway embedded PostgreSQL (about a second). The database `DATABASE_URL` points
 * at is connected to but never changed.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { isAppError } from "../lib/core/errors";
import { startEmbeddedPostgres } from "../lib/infra/db/embedded";
import {
  MIGRATION_LOCK_TOML,
  NO_FILTER,
  readMigrationsList,
  withSchemaEngine,
  type MigrationList,
} from "../lib/infra/db/schema-engine";

const root = fileURLToPath(new URL("..", import.meta.url));
const schemaPath = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");

/** Prisma's own directory timestamp: UTC, second precision. */
function timestamp(d = new Date()): string {
  return d.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** A database server to hold the shadow database: `DATABASE_URL`'s, or a throwaway embedded one. */
async function scratchServer(): Promise<{ url: string; dispose(): Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, dispose: async () => {} };
  const dataDir = await mkdtemp(path.join(tmpdir(), "synoptic-diff-"));
  try {
    const pg = await startEmbeddedPostgres({ dataDir, port: 0 });
    return {
      url: pg.url,
      dispose: async () => {
        await pg.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** The SQL from the migration history to the schema; `undefined` when they agree. */
async function computeDiff(schema: string, history: MigrationList): Promise<string | undefined> {
  // With no history there is nothing to replay: diff from empty (the engine still connects).
  const fromEmpty = history.migrationDirectories.length === 0;
  // The engine infers the provider from the lock file; supply it if someone deleted the file.
  const list: MigrationList = history.lockfile.content
    ? history
    : { ...history, lockfile: { ...history.lockfile, content: MIGRATION_LOCK_TOML } };
  const server = await scratchServer();
  try {
    const result = await withSchemaEngine(server.url, (engine) =>
      engine.diff({
        from: fromEmpty ? { tag: "empty" } : { tag: "migrations", ...list },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
        script: true,
        // exitCode 2 ⇔ non-empty diff: more reliable than parsing the "empty migration" comment.
        exitCode: true,
        filters: NO_FILTER,
      }),
    );
    return result.exitCode === 2 ? (result.stdout ?? "") : undefined;
  } finally {
    await server.dispose();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const name = args.find((a) => !a.startsWith("--"));
  if (!check && !name) {
    console.error("usage: npm run db:diff -- NAME   (or --check)");
    return 2;
  }
  const schema = await readFile(schemaPath, "utf8");
  const sql = await computeDiff(schema, await readMigrationsList(migrationsDir));
  if (sql === undefined) {
    console.log("no changes");
    return 0;
  }
  if (check) {
    console.error("prisma/schema.prisma has changes without a migration; run `npm run db:diff -- NAME`.\n");
    console.error(sql);
    return 1;
  }
  // Same normalisation as `prisma migrate dev --name`.
  const slug = name!.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase() || "migration";
  const dirName = `${timestamp()}_${slug}`;
  const dir = path.join(migrationsDir, dirName);
  await mkdir(dir, { recursive: false }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
    await mkdir(migrationsDir, { recursive: true });
    await mkdir(dir);
  });
  await writeFile(path.join(dir, "migration.sql"), sql, "utf8");
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), MIGRATION_LOCK_TOML, "utf8");
  console.log(`wrote ${path.relative(root, path.join(dir, "migration.sql"))}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(isAppError(e) ? e.message : e);
    process.exit(1);
  },
);
