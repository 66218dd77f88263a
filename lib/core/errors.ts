/**
 * The one error type of Synoptic. `message` is an i18n key under `errors.` (or a
 * plain English sentence) that is always safe to show to a user;
 * anything internal goes in `cause` and is only logged.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unsupported_media"
  | "expired"
  | "db_unavailable"
  | "migration_failed"
  | "internal";

const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_media: 415,
  expired: 410,
  db_unavailable: 503,
  migration_failed: 500,
  internal: 500,
};

export interface AppErrorOptions {
  cause?: unknown;
  /** Structured, user-safe details (for example which field failed). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, opts: AppErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** True for an AppError, also across module copies (Next bundles server code more than once). */
export function isAppError(e: unknown): e is AppError {
  return (
    e instanceof AppError ||
    (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AppError" && typeof (e as { code?: unknown }).code === "string")
  );
}

/** HTTP status for any thrown value: AppErrors map by code, everything else is a 500. */
export function httpStatusOf(e: unknown): number {
  return isAppError(e) ? HTTP_STATUS[e.code] : 500;
}
