/**
 * `npm start`: the whole product from a fresh clone. Resolves the database
 * (embedded PostgreSQL under .data/ unless DATABASE_URL is set), applies migrations,
 * seeds the demo workspace on first start, builds when the sources changed, then
 * runs and supervises the web process, the collab server (scripts/collab.ts) and the job worker
 * (scripts/worker.ts). Ctrl-C stops everything: the collab server first (it flushes pending stores
 * into the database), then the worker and the web process, then the database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../lib/infra/db/migrate";
import { ensureSecrets } from "./start/secrets";
import { buildIfNeeded } from "./start/build";
import { printBanner } from "./start/banner";
import { seedDemoContentWhenCollabUp } from "./start/demo-content";
import { logger } from "../lib/infra/log";
import { nextArgs } from "./start/next-bin";
import type { KeeperMessage } from "./start/db-keeper";

const log = logger("start");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

/**
 * Starts scripts/start/db-keeper.ts detached (its own process group, so the terminal's Ctrl-C
 * does not reach PostgreSQL) and waits for the database URL it resolves.
 */
function startDatabaseKeeper(): Promise<{ url: string; stop(): Promise<void> }> {
  const keeper = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start", "db-keeper.ts")], {
    cwd: root,
    env: process.env,
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const stop = async () => {
    if (keeper.exitCode !== null || keeper.signalCode !== null) return;
    const exited = new Promise((r) => keeper.once("exit", r));
    if (keeper.connected) keeper.send("stop");
    else keeper.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    keeper.once("message", (m: KeeperMessage) => (m.ready ? resolve({ url: m.url, stop }) : reject(new Error(m.error))));
    keeper.once("exit", (code) => reject(new Error(`the database process exited (${code ?? "signal"}) before it was ready`)));
  });
}

async function main(): Promise<void> {
  ensureSecrets(root, port);
  const db = await startDatabaseKeeper();
  process.env.DATABASE_URL = db.url;
  const migrated = await applyMigrations(db.url);
  if (migrated.applied.length) log.info({ applied: migrated.applied }, "migrations applied");
  // Imported after DATABASE_URL is set: the Prisma client reads it when first used.
  const { seedDemoIfEmpty, demoUsersPresent } = await import("../lib/server/demo/seed-demo");
  await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
  if (!dev) await buildIfNeeded(root);

  const children: ChildProcess[] = [];
  let stopping = false;
  const stopChild = async (c: ChildProcess) => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await exited;
  };
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Collab first: its shutdown stores what is still debounced, which needs the database.
    for (const c of children) await stopChild(c);
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  // Both processes must agree on where collab listens (the web app hands the URL to browsers).
  process.env.COLLAB_PORT ??= String(port + 1);
  process.env.COLLAB_ALLOWED_ORIGINS ??= `http://127.0.0.1:${port}`;
  // `node --import tsx` (not the tsx binary): one process, so SIGTERM reaches the server itself.
  const supervise = (name: string, script: string) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script)], { cwd: root, env: process.env, stdio: "inherit" });
    children.push(child);
    child.once("exit", (code) => {
      if (!stopping) log.error({ code }, `${name} process exited`);
      void stop(code ?? 1);
    });
  };
  supervise("collab", "collab.ts");
  // Background jobs (OCR of scanned PDFs, …) in their own process, so a long job never slows pages.
  supervise("worker", "worker.ts");

  const next = spawn(process.execPath, nextArgs(dev ? "dev" : "start", port), {
    cwd: root,
    env: process.env,
    stdio: "inherit",
  });
  children.push(next);
  next.once("exit", (code) => {
    if (!stopping) log.error({ code }, "web process exited");
    void stop(code ?? 1);
  });
  // Themes, annotations, links and the map of the demo go through the collab server, like an import.
  await seedDemoContentWhenCollabUp(root);
  printBanner(port, await demoUsersPresent());
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`\nSynoptic could not start: ${message}\n`);
  log.error({ err: e }, "start failed");
  process.exit(1);
});
