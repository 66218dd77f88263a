import type { Job } from "pg-boss";
import { logger } from "../../infra/log";
import { startWorkerBoss } from "./boss";
import { HANDLERS } from "./handlers";
import { QUEUES, type QueueName } from "./queues";

const log = logger("jobs");

export interface Workers {
  /** Stops taking jobs, waits for running ones up to `timeoutMs`, and closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Runs the handlers of every queue in this process (scripts/worker.ts; tests call it directly).
 * One job at a time per queue by default: OCR is CPU-bound and the machine is shared.
 */
export async function startWorkers(opts: { concurrency?: number; pollingIntervalSeconds?: number } = {}): Promise<Workers> {
  const boss = await startWorkerBoss();
  for (const queue of Object.keys(QUEUES) as QueueName[]) {
    const handler = HANDLERS[queue];
    await boss.work(queue, { localConcurrency: opts.concurrency ?? 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1, includeMetadata: true }, async ([job]) => {
      if (!job) return;
      const retryLimit = QUEUES[queue].retryLimit;
      log.info({ queue, jobId: job.id, retry: job.retryCount }, "job started");
      await handler(job as unknown as Job<never>, { lastAttempt: job.retryCount >= retryLimit });
      log.info({ queue, jobId: job.id }, "job done");
    });
  }
  log.info({ queues: Object.keys(QUEUES) }, "workers started");
  // Notification mail every minute: one job per minute across all workers (singleton key), so
  // several worker processes do not mail twice.
  const tick = () => void boss.send("notifications.email", {}, { singletonKey: "tick", singletonSeconds: 60 }).catch((err: unknown) => log.warn({ err }, "mail tick not queued"));
  const timer = setInterval(tick, 60_000);
  timer.unref();
  return {
    async stop(timeoutMs = 30_000) {
      clearInterval(timer);
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}
