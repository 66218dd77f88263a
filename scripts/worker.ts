/**
 * `npm run worker`: the background-job worker (pg-boss on the app's PostgreSQL, schema `pgboss`;
 * lib/server/jobs). `npm start` runs one; a deployment runs as many as it likes, each taking jobs
 * from the same queues. Needs DATABASE_URL. WORKER_CONCURRENCY (default 1) jobs per queue at once.
 * SIGTERM/SIGINT stop taking jobs and wait up to 30 s for running ones (an unfinished job is
 * retried by another worker once it expires).
 */
import { disconnectPrisma } from "../lib/infra/db/client";
import { startWorkers } from "../lib/server/jobs/start-workers";
import { logger } from "../lib/infra/log";

const log = logger("worker");

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start sets it; standalone, point it at the app's database)");
  const workers = await startWorkers({ concurrency: Number(process.env.WORKER_CONCURRENCY ?? 1) });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await workers.stop();
    await disconnectPrisma();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((e: unknown) => {
  log.error({ err: e }, "worker failed to start");
  process.exit(1);
});
