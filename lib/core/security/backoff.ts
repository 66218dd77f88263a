/**
 * Exponential back-off for guessing, pure. A key may fail `free` times; after that every further
 * attempt waits `base·2^(n−free)` after the last failure, up to `cap`. Nothing locks: a key is
 * never refused for longer than `cap` after its last failure.
 */
export interface BackoffPolicy {
  free: number;
  baseMs: number;
  capMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** Milliseconds still to wait before the next attempt (0 = go ahead). `failures` are epoch ms. */
export function waitMs(failures: readonly number[], now: number, p: BackoffPolicy): number {
  const recent = failures.filter((t) => t > now - p.windowMs && t <= now);
  if (recent.length < p.free) return 0;
  const delay = Math.min(p.capMs, p.baseMs * 2 ** Math.min(30, recent.length - p.free));
  return Math.max(0, Math.max(...recent) + delay - now);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Sign-in policies. One client guessing one account slows to one try per 15 minutes; one client
 * trying many accounts likewise. The account as a whole (all clients together) is slowed to at most
 * one try per 30 s, and not at all for a client that has signed in to it before: an attacker can
 * slow the owner by seconds but never lock them out.
 */
export const SIGN_IN = {
  pair: { free: 5, baseMs: SECOND, capMs: 15 * MINUTE, windowMs: 24 * HOUR },
  client: { free: 20, baseMs: SECOND, capMs: 15 * MINUTE, windowMs: HOUR },
  account: { free: 10, baseMs: SECOND, capMs: 30 * SECOND, windowMs: HOUR },
} as const satisfies Record<string, BackoffPolicy>;

/**
 * Registrations per client address (every attempt counts): a school or office behind one NAT
 * registers many people at once, so the budget is generous and the wait short; it stops scripted
 * mass sign-ups. REGISTRATIONS_PER_HOUR changes the free budget (registerPolicy).
 */
export const REGISTER: BackoffPolicy = { free: 30, baseMs: SECOND, capMs: MINUTE, windowMs: HOUR };

/** REGISTER with the free budget from REGISTRATIONS_PER_HOUR when that is a positive integer. */
export function registerPolicy(perHour: string | undefined): BackoffPolicy {
  const n = Number(perHour);
  return Number.isInteger(n) && n > 0 ? { ...REGISTER, free: n } : REGISTER;
}

/** Failed invitation acceptances per client and per user. */
export const INVITATION: BackoffPolicy = { free: 10, baseMs: SECOND, capMs: 15 * MINUTE, windowMs: HOUR };
