import { AppError } from "../../core/errors";
import { waitMs, type BackoffPolicy } from "../../core/security/backoff";
import { prisma } from "../../infra/db/client";

/** A throttling key and the back-off that applies to it. */
export type Guard = readonly [key: string, policy: BackoffPolicy];

/** The caller inside this process (tests, CLI, seed): no client to throttle. */
export const LOCAL_CLIENT = "local";

/**
 * Charges one attempt to every key after checking that none of them must still wait; throws
 * `rate_limited` (with the seconds to wait) otherwise. The check and the charge happen under
 * advisory locks on the keys, so a burst of parallel attempts cannot all pass one check.
 * Returns the ids of the charged rows: `refund` them when the attempt turns out not to be a failure.
 */
export async function charge(guards: readonly Guard[], now: Date): Promise<bigint[]> {
  const keys = [...new Set(guards.map(([k]) => k))].sort();
  return prisma.$transaction(async (tx) => {
    for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"throttle:" + key}))`;
    let wait = 0;
    for (const [key, policy] of guards) {
      const rows = await tx.loginAttempt.findMany({
        where: { key, createdAt: { gt: new Date(now.getTime() - policy.windowMs) } },
        select: { createdAt: true },
      });
      wait = Math.max(wait, waitMs(rows.map((r) => r.createdAt.getTime()), now.getTime(), policy));
    }
    if (wait > 0) throw new AppError("rate_limited", "too_many_attempts", { details: { seconds: Math.ceil(wait / 1000) } });
    const created = await Promise.all(keys.map((key) => tx.loginAttempt.create({ data: { key, createdAt: now }, select: { id: true } })));
    return created.map((r) => r.id);
  });
}

/** Takes back charged attempts (a successful sign-in is not a failure). */
export async function refund(ids: readonly bigint[]): Promise<void> {
  if (ids.length > 0) await prisma.loginAttempt.deleteMany({ where: { id: { in: [...ids] } } });
}

export async function clearFailures(keys: string[]): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: { in: keys } } });
}

/** Remembers a client that signed in to an account (it then skips the account-wide back-off). */
export async function rememberGoodClient(key: string, now: Date): Promise<void> {
  await prisma.$transaction([prisma.loginAttempt.deleteMany({ where: { key } }), prisma.loginAttempt.create({ data: { key, createdAt: now } })]);
}

/** Whether a client signed in to an account within `maxAgeMs`. */
export async function isGoodClient(key: string, now: Date, maxAgeMs: number): Promise<boolean> {
  return (await prisma.loginAttempt.count({ where: { key, createdAt: { gt: new Date(now.getTime() - maxAgeMs) } } })) > 0;
}
