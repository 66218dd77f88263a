/**
 * Which PostgreSQL this process uses: the one `DATABASE_URL` names, else the embedded one under
 * `.data/postgres` of the project (the two-command fresh-clone path).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { AppError } from "../../core/errors";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "./embedded";
import { describeServer, probeDatabase } from "./probe";

/** Oldest supported server: the migrations and search use 15+ features. */
export const MIN_POSTGRES_VERSION_NUM = 150000;

/** The project root, found from this file so the cwd does not matter. */
const PROJECT_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface ResolvedDatabase {
  url: string;
  /** True when this call started the embedded server (then `stop` shuts it down). */
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external `DATABASE_URL`. */
  stop(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  /** Defaults to `process.env.DATABASE_URL`. */
  databaseUrl?: string;
  /** Embedded data directory (default `<project root>/.data/postgres`). */
  dataDir?: string;
  /** Embedded PostgreSQL's output lines. */
  onLog?: (line: string) => void;
}

/**
 * Returns a reachable PostgreSQL ≥ 15. Does not set `process.env.DATABASE_URL`: the caller
 * decides which processes get it.
 *
 * @throws AppError("db_unavailable") when `DATABASE_URL` is unreachable or older than 15, or the
 *   embedded server cannot start.
 */
export async function resolveDatabase(opts: ResolveDatabaseOptions = {}): Promise<ResolvedDatabase> {
  const external = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (external) {
    const info = await probeDatabase(external);
    if (info.versionNum < MIN_POSTGRES_VERSION_NUM) {
      throw new AppError(
        "db_unavailable",
        `PostgreSQL at ${describeServer(external)} is version ${info.version}; Synoptic needs 15 or newer. Unset DATABASE_URL to use the embedded PostgreSQL.`,
        { details: { server: describeServer(external), version: info.version } },
      );
    }
    return { url: external, embedded: false, stop: async () => {} };
  }
  const dataDir = opts.dataDir ?? path.join(PROJECT_ROOT, ".data", "postgres");
  // A running `npm start` owns the embedded server: the command-line tools use it beside the app.
  const running = await runningEmbeddedUrl(dataDir);
  if (running) {
    await probeDatabase(running);
    return { url: running, embedded: false, stop: async () => {} };
  }
  const handle = await startEmbeddedPostgres({
    dataDir,
    onLog: opts.onLog,
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
