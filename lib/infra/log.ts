import pino from "pino";

/**
 * Structured logs: one JSON object per line on stdout. Every logger carries a
 * `category` and callers add context such as `documentName`, `userId`, `workspaceId`.
 */
const root = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "synoptic" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ["password", "*.password", "token", "*.token", "passwordHash"], censor: "[redacted]" },
});

export type Logger = pino.Logger;

export function logger(category: string, context: Record<string, unknown> = {}): Logger {
  return root.child({ category, ...context });
}
