/**
 * The one pg-boss instance of a process: the job queue lives in the app's own PostgreSQL
 * (`DATABASE_URL`), in its own schema `pgboss`, which pg-boss creates and migrates itself on
 * start. Web processes only send jobs; worker processes (scripts/worker.ts) also run them.
 */
import { PgBoss } from "pg-boss";
import { AppError } from "../../core/errors";
import { logger } from "../../infra/log";
import { QUEUES } from "./queues";

const log = logger("jobs");
export const JOBS_SCHEMA = "pgboss";

const globalForBoss = globalThis as typeof globalThis & { __synopticBoss?: Promise<PgBoss> };

async function createBoss(role: "sender" | "worker"): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new AppError("db_unavailable", "DATABASE_URL is not set");
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: `synoptic-${role}`,
    max: role === "worker" ? 4 : 2,
    // Maintenance (expiring, archiving) and cron belong to the workers; a sender stays light.
    supervise: role === "worker",
    // How often a worker looks for jobs whose worker died (missed heartbeats, expiry).
    ...(role === "worker" && process.env.JOBS_SUPERVISE_SECONDS ? { superviseIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS), monitorIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS) } : {}),
    schedule: false,
  });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();
  for (const [name, options] of Object.entries(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
  return boss;
}

/**
 * The process's sending instance, started on first use (cached on globalThis, as the Prisma
 * client is, so Next's module re-evaluation does not open a pool per edit).
 */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.__synopticBoss ??= createBoss("sender").catch((e: unknown) => {
    globalForBoss.__synopticBoss = undefined;
    throw e;
  });
  return globalForBoss.__synopticBoss;
}

/** A separate instance for a worker (it supervises the queues). */
export function startWorkerBoss(): Promise<PgBoss> {
  return createBoss("worker");
}

/** Stops the sending instance (tests, graceful shutdown). */
export async function stopBoss(): Promise<void> {
  const boss = globalForBoss.__synopticBoss;
  globalForBoss.__synopticBoss = undefined;
  if (boss) await (await boss).stop({ graceful: false });
}
