import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError } from "../../core/errors";
import { logger } from "../../infra/log";
import { bundleWorker } from "./bundle-worker";
import type { ExtractedSource } from "./extract-source";
import type { ExtractOutcome, ExtractTask } from "./extract-worker";
import { IMPORT_POOL } from "./limits";

const log = logger("import");

export interface ExtractPoolOptions {
  timeoutMs: number;
  heapMb: number;
  threads: number;
  maxQueue: number;
  maxQueueWaitMs: number;
}

export interface ExtractPool {
  extract(fileName: string, bytes: Uint8Array): Promise<ExtractedSource>;
  close(): Promise<void>;
}

const tooComplex = (reason: "time" | "memory", details: Record<string, unknown>) =>
  new AppError("too_large", `import_too_complex_${reason}`, { details });

/**
 * A pool of extraction workers: each task has a wall-clock deadline counted from the
 * moment a worker starts it (time spent queued behind other uploads is bounded
 * separately and answered "busy"), and each worker a V8 heap limit. A worker past its deadline
 * is terminated, one that runs out of memory dies; piscina starts a fresh one either way,
 * and the caller gets an AppError it can show ("this file is too complex to import").
 */
export function createExtractPool(options: ExtractPoolOptions = IMPORT_POOL): ExtractPool {
  const pool = new Piscina<ExtractTask, ExtractOutcome>({
    // Not the parent's flags: a tsx loader inherited from the CLI would slow every library load sevenfold.
    execArgv: [],
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    maxQueue: options.maxQueue,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(options.heapMb / 8)) },
  });

  async function extract(fileName: string, bytes: Uint8Array): Promise<ExtractedSource> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let queuedTooLong = false;
    const queued = setTimeout(() => {
      queuedTooLong = true;
      abort.abort();
    }, options.maxQueueWaitMs);
    let timer: NodeJS.Timeout | undefined;
    port1.once("message", () => {
      clearTimeout(queued);
      timer = setTimeout(() => abort.abort(), options.timeoutMs);
    });
    let outcome: ExtractOutcome;
    try {
      const filename = await bundleWorker();
      outcome = await pool.run({ fileName, bytes, started: port2 }, { filename, transferList: [port2], signal: abort.signal });
    } catch (e) {
      const reason = (e as { code?: string; message?: string }) ?? {};
      if (queuedTooLong || reason.message === "Task queue is at limit") throw new AppError("rate_limited", "import_busy");
      if (abort.signal.aborted) throw tooComplex("time", { limitMs: options.timeoutMs });
      if (reason.code === "ERR_WORKER_OUT_OF_MEMORY") throw tooComplex("memory", { limitMb: options.heapMb });
      throw e;
    } finally {
      clearTimeout(queued);
      clearTimeout(timer);
      port1.close();
    }
    if (outcome.ok) return outcome.source;
    if ("error" in outcome) throw new AppError(outcome.error.code, outcome.error.message, outcome.error.details ? { details: outcome.error.details } : {});
    log.error({ fileName, stack: outcome.unexpected }, "extraction failed unexpectedly");
    throw new Error("extraction failed");
  }

  return { extract, close: () => pool.destroy() };
}

let shared: ExtractPool | null = null;

/** Extracts a user's file in the shared worker pool (created on first use; idle workers exit). */
export function extractInWorker(fileName: string, bytes: Uint8Array): Promise<ExtractedSource> {
  shared ??= createExtractPool();
  return shared.extract(fileName, bytes);
}

/** Stops the shared pool's workers (CLI and tests; a server lets idle workers time out). */
export async function closeExtractPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
