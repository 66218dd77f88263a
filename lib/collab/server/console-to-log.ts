/**
 * Hocuspocus reports hook errors and bad frames with console.error(message, error), which prints
 * multi-line stack traces. In the collab process these calls become one structured log line each
 * (message and the error's name/message/code/reason; never the stack). The extensions log the
 * refusals they cause themselves, with user and document.
 */
import { logger } from "../../infra/log";

const log = logger("collab.hocuspocus");

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message.slice(0, 300) };
  if (typeof value === "object" && value !== null) {
    const { code, reason, message } = value as { code?: unknown; reason?: unknown; message?: unknown };
    return { code, reason, message: typeof message === "string" ? message.slice(0, 300) : undefined };
  }
  return typeof value === "string" ? value.slice(0, 300) : value;
}

/** Replaces console.error/warn of this process with structured, stack-free log lines. */
export function routeConsoleToLog(): void {
  /* eslint-disable no-console -- replacing console is the point: nothing is printed through it */
  console.error = (...args: unknown[]) => log.error({ details: args.slice(1).map(describe) }, String(describe(args[0]) ?? ""));
  console.warn = (...args: unknown[]) => log.warn({ details: args.slice(1).map(describe) }, String(describe(args[0]) ?? ""));
  /* eslint-enable no-console */
}
