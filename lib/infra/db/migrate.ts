/**
 * `prisma migrate deploy`, offline: applies the pending migrations of `prisma/migrations` with the
 * wasm schema engine (see ./schema-engine.ts). Same folder layout, same `_prisma_migrations` table,
 * same checksums, so the real CLI and this function can take turns on one database.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { AppError } from "../../core/errors";
import { describeServer, probeDatabase, reasonOf } from "./probe";
import { NO_FILTER, readMigrationsList, withSchemaEngine } from "./schema-engine";

/** `<project root>/prisma/migrations`, found from this file so the cwd does not matter. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

export interface ApplyMigrationsOptions {
  /** Defaults to the project's `prisma/migrations`. */
  migrationsDir?: string;
  /** Receives the engine's JSON log lines (for debugging; default: dropped). */
  onLog?: (line: string) => void;
}

/**
 * Serialises concurrent callers (web and collab starting together, parallel test runs) on one
 * database. The engine takes its own advisory lock too; ours is a different key, taken on a
 * separate connection, so the two cannot deadlock.
 */
const LOCK_SQL = "SELECT pg_advisory_lock(hashtext('synoptic:migrate'))";

/**
 * Applies every migration not yet recorded in `_prisma_migrations`. Idempotent: a second call
 * applies nothing and returns `applied: []`.
 *
 * @throws AppError("db_unavailable") when the database cannot be reached (names host:port and why).
 * @throws AppError("migration_failed") when a migration fails (names the migration and the
 *   database's error), or when the history is unusable (a previously failed migration, a
 *   non-empty database without history, an edited migration).
 */
export async function applyMigrations(
  databaseUrl: string,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  // A plain connection first: the engine's own connection errors are far less readable.
  await probeDatabase(databaseUrl);
  const migrationsList = await readMigrationsList(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  if (migrationsList.migrationDirectories.length === 0) return { applied: [] };

  const lock = new pg.Client({ connectionString: databaseUrl });
  lock.on("error", () => {});
  try {
    await lock.connect();
    await lock.query(LOCK_SQL);
  } catch (e) {
    await lock.end().catch(() => {});
    throw new AppError("db_unavailable", `Cannot reach PostgreSQL at ${describeServer(databaseUrl)}: ${reasonOf(e)}`, {
      cause: e,
    });
  }
  try {
    const out = await withSchemaEngine(
      databaseUrl,
      (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
      { onLog: opts.onLog },
    );
    return { applied: out.appliedMigrationNames };
  } catch (e) {
    throw toMigrationError(e, migrationsList.baseDir);
  } finally {
    // Ending the session releases the advisory lock as well.
    await lock.end().catch(() => {});
  }
}

/** Engine error → AppError that says which migration and why, without the Rust span trace. */
function toMigrationError(e: unknown, baseDir: string): AppError {
  const raw = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  // The engine appends "   0: schema_engine_wasm::…" span traces; they help nobody here.
  const message = raw.split(/\n\s+0: /)[0]!.trim().replace(/^external connector error\n/, "");
  // The name is in the span trace (failed script) or in the message (P3009 and friends).
  const migration =
    /migration_name="([^"]+)"/.exec(raw)?.[1] ?? /Migration name: (\S+)/.exec(message)?.[1] ?? /`(\d{14}_[^`]+)`/.exec(message)?.[1];
  if (/Can't reach database|DatabaseNotReachable|ECONNREFUSED|Connection terminated/i.test(message)) {
    return new AppError("db_unavailable", `PostgreSQL became unreachable while migrating: ${message}`, { cause: e });
  }
  const where = path.relative(process.cwd(), baseDir) || baseDir;
  const head = migration ? `Migration ${migration} (in ${where}) failed` : `Applying migrations from ${where} failed`;
  // P3009: a failed migration blocks all later ones until someone has looked at it.
  const hint =
    code === "P3009" && migration
      ? ` Repair or revert what it did, then mark it rolled back: UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${migration}' AND finished_at IS NULL;`
      : "";
  return new AppError("migration_failed", `${head}: ${message}${hint}`, {
    cause: e,
    details: { migration, engineCode: typeof code === "string" ? code : undefined },
  });
}
