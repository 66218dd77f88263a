/**
 * One short connection to a PostgreSQL URL, to turn "it does not work" into a sentence a user can
 * act on before anything bigger (the migration engine, the Prisma client) fails less clearly.
 */
import pg from "pg";

import { AppError } from "../../core/errors";

/** `host:port` of a URL, without credentials: safe for messages and logs. */
export function describeServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** The database name of a URL (`postgres` when the path is empty, as libpq does for user postgres). */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/** The most useful sentence inside a connection error (Node gives AggregateError with an empty message for dual-stack `localhost`). */
export function reasonOf(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return reasonOf(e.errors[0]);
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return e.message || code || e.name;
  }
  return String(e);
}

/**
 * pg accepts nearly any string and then fails with a confusing DNS error; say it plainly instead.
 * The URL is not repeated in the message: it may hold a password.
 */
export function assertPostgresUrl(url: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== "postgresql:" && protocol !== "postgres:") {
    throw new AppError(
      "db_unavailable",
      "DATABASE_URL is not a PostgreSQL URL (expected postgresql://user:password@host:port/database).",
    );
  }
}

export interface ServerInfo {
  /** `server_version_num`, e.g. 150020 for 15.20. */
  versionNum: number;
  /** `server_version`, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
  version: string;
}

/**
 * Connects once and reads the server version.
 * @throws AppError("db_unavailable") saying which server and why, when the connection fails.
 */
export async function probeDatabase(url: string, timeoutMs = 5_000): Promise<ServerInfo> {
  assertPostgresUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // An unhandled 'error' event would crash the process if the server drops us mid-probe.
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string; server_version: string }>(
      "SELECT current_setting('server_version_num') AS server_version_num, current_setting('server_version') AS server_version",
    );
    const row = rows[0];
    return { versionNum: Number(row?.server_version_num ?? 0), version: row?.server_version ?? "unknown" };
  } catch (e) {
    // A DatabaseError (with a SQLSTATE) means the server answered (auth failed, database missing, …): say so differently.
    const answered = e instanceof pg.DatabaseError;
    const where = describeServer(url);
    const message = answered
      ? `PostgreSQL at ${where} refused the connection to database "${databaseName(url)}": ${reasonOf(e)}`
      : `Cannot reach PostgreSQL at ${where}: ${reasonOf(e)}`;
    throw new AppError("db_unavailable", message, { cause: e, details: { server: where } });
  } finally {
    await client.end().catch(() => {});
  }
}
