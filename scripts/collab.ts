/**
 * `npm run collab`: the collab server on its own (also what `npm start` spawns).
 * Needs DATABASE_URL and COLLAB_TOKEN_SECRET; listens on COLLAB_PORT (default 3001) and
 * COLLAB_HOST (default all interfaces). Tuning: COLLAB_DEBOUNCE_MS, COLLAB_MAX_DEBOUNCE_MS,
 * COLLAB_ALLOWED_ORIGINS (besides NEXTAUTH_URL's origin). REDIS_URL (+ REDIS_PREFIX) joins other
 * instances through Redis (scale-out).
 * SIGTERM/SIGINT: /ready answers 503 for COLLAB_DRAIN_MS (default 0; behind a proxy, its health
 * check interval), then sockets close (clients reconnect, elsewhere behind a proxy) and every
 * document is stored; after COLLAB_SHUTDOWN_TIMEOUT_MS (default 20 s, e.g. the database is down)
 * the process exits anyway — what clients sent is in the append log and replays on the next load.
 */
import { createCollabServer } from "../lib/collab/server";
import { disconnectPrisma } from "../lib/infra/db/client";
import { logger } from "../lib/infra/log";
import { routeConsoleToLog } from "../lib/collab/server/console-to-log";

const log = logger("collab");

async function main(): Promise<void> {
  routeConsoleToLog();
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start sets it; standalone, point it at the app's database)");
  if (!process.env.COLLAB_TOKEN_SECRET) throw new Error("COLLAB_TOKEN_SECRET is not set (npm start generates one in .data/secrets.json)");
  const port = Number(process.env.COLLAB_PORT ?? 3001);
  const env = process.env;
  const collab = await createCollabServer({
    port,
    ...(env.COLLAB_HOST ? { host: env.COLLAB_HOST } : {}),
    ...(env.COLLAB_DEBOUNCE_MS ? { debounceMs: Number(env.COLLAB_DEBOUNCE_MS) } : {}),
    ...(env.COLLAB_MAX_DEBOUNCE_MS ? { maxDebounceMs: Number(env.COLLAB_MAX_DEBOUNCE_MS) } : {}),
    // COLLAB_APPEND_LOG=0 turns the durability log off (only to measure what it costs).
    appendLog: env.COLLAB_APPEND_LOG !== "0",
    // Behind a reverse proxy every socket comes from the proxy's address: COLLAB_TRUST_PROXY=1
    // counts per-address limits on X-Forwarded-For instead.
    ...(env.COLLAB_TRUST_PROXY === "1" ? { limits: { trustProxy: true } } : {}),
  });
  log.info({ port: collab.port, redis: env.REDIS_URL ? "on" : "off" }, "collab server listening");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = Number(env.COLLAB_SHUTDOWN_TIMEOUT_MS ?? 20_000);
    const timer = setTimeout(() => {
      log.error({ timeoutMs, documents: collab.server.hocuspocus.getDocumentsCount() }, "shutdown timed out; unstored updates stay in the append log");
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    await collab.shutdown({ drainMs: Number(env.COLLAB_DRAIN_MS ?? 0) });
    await disconnectPrisma();
    log.info("collab server stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((e: unknown) => {
  log.error({ err: e }, "collab server failed to start");
  process.exit(1);
});
