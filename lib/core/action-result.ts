import type { ErrorCode } from "./errors";

/** What a server action returns to the browser: data, or an error that is safe to show. */
export type ActionResult<O> =
  | { ok: true; data: O }
  | { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };
