/**
 * Entry of an extraction worker thread (run by piscina through tsx's loader, see
 * extract-pool.ts). Everything a user's file can make expensive happens here, never
 * on the thread that serves requests. Errors cross the thread boundary as plain data:
 * an AppError's class does not survive structured cloning.
 */
import type { MessagePort } from "node:worker_threads";
import { isAppError, type ErrorCode } from "../../core/errors";
import { extractSource, type ExtractedSource } from "./extract-source";
import { isStackOverflow } from "./limits";

export interface ExtractTask {
  fileName: string;
  bytes: Uint8Array;
  /** Told when the work starts, so the deadline does not count time spent queued. */
  started: MessagePort;
}

export type ExtractOutcome =
  | { ok: true; source: ExtractedSource }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } }
  | { ok: false; unexpected: string };

/** Runs `extractSource` and reports its result or its error as data. */
export default async function extract(task: ExtractTask): Promise<ExtractOutcome> {
  task.started.postMessage("started");
  task.started.close();
  try {
    return { ok: true, source: await extractSource(task.fileName, task.bytes) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
    if (isStackOverflow(e)) return { ok: false, error: { code: "too_large", message: "import_too_complex_nesting" } };
    return { ok: false, unexpected: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
