/**
 * `npm run collab`: the collab server on its own (also what `npm start` spawns).
 * Needs DATABASE_URL and COLLAB_TOKEN_SECRET; listens on COLLAB_PORT (default 3001) and
 * COLLAB_HOST (default all interfaces). Tuning: COLLAB_DEBOUNCE_MS, COLLAB_MAX_DEBOUNCE_MS,
 * COLLAB_ALLOWED_ORIGINS (besides NEXTAUTH_URL's origin). SIGTERM/SIGINT flush pending stores, then exit.
 */
import { createCollabServer } from "../lib/collab/server";
import { disconnectPrisma } from "../lib/server/db/client";
import { logger } from "../lib/server/log";
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
  });
  log.info({ port: collab.port }, "collab server listening");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await collab.destroy();
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
