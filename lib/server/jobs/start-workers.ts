import type { Job } from "pg-boss";
import { logger } from "../log";
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
  return {
    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}
