import { AppError } from "../../core/errors";
import { prisma } from "../db/client";

/** Failed sign-ins allowed per key (email, client address) within the window. */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000 } as const;

/** Throws `rate_limited` when any key has too many recent failures. */
export async function assertNotThrottled(keys: string[], now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  for (const key of keys) {
    const recent = await prisma.loginAttempt.findMany({
      where: { key, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= THROTTLE.maxFailures) {
      const oldest = recent[recent.length - THROTTLE.maxFailures]!.createdAt.getTime();
      const minutes = Math.max(1, Math.ceil((oldest + THROTTLE.windowMs - now.getTime()) / 60_000));
      throw new AppError("rate_limited", "too_many_attempts", { details: { minutes } });
    }
  }
}

export async function recordFailure(keys: string[], now: Date): Promise<void> {
  await prisma.loginAttempt.createMany({ data: keys.map((key) => ({ key, createdAt: now })) });
}

export async function clearFailures(keys: string[]): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: { in: keys } } });
}
