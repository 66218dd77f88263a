import type { CollabDocRef } from "../../core/collab";
import type { Role } from "../../core/roles";

/** What onAuthenticate establishes about a connection; Hocuspocus hands it to every later hook. */
export interface CollabContext {
  userId: string;
  userName: string;
  role: Role;
  ref: CollabDocRef;
  readOnly: boolean;
  /** The session version of a browser connection's token; a bump closes the connection. */
  sessionVersion?: number;
  /** Set by direct writes and server-side loads, which have no user connection. */
  direct?: boolean;
}

/**
 * A refusal Hocuspocus sends to the client as `permission-denied` with this reason. Not an
 * Error on purpose: Hocuspocus prints every hook error that has a `message` to the console,
 * and refusals are expected traffic that the logging extension records in structured form.
 */
export interface Refusal {
  reason: string;
}

export function refuse(reason: string): never {
  throw { reason } satisfies Refusal;
}

export function isRefusal(e: unknown): e is Refusal {
  return typeof e === "object" && e !== null && typeof (e as { reason?: unknown }).reason === "string" && !(e instanceof Error);
}
