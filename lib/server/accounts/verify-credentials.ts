import { emailSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { prisma } from "../db/client";
import { dummyHash, verifyPassword } from "../auth/password";
import { assertNotThrottled, clearFailures, recordFailure } from "./throttle";
import type { Actor } from "../ops/define";
import { logger } from "../log";

const log = logger("auth");

/**
 * Checks an email and password. Throttled per email and per client; the same
 * message for an unknown email and a wrong password so accounts are not revealed.
 */
export async function verifyCredentials(rawEmail: unknown, password: unknown, clientKey: string, now = new Date()): Promise<Actor> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success || typeof password !== "string" || password.length === 0 || password.length > 1000)
    throw new AppError("invalid_input", "credentials_invalid");
  const keys = [`email:${email.data}`, `client:${clientKey}`];
  await assertNotThrottled(keys, now);
  const user = await prisma.user.findUnique({ where: { email: email.data } });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok) {
    await recordFailure(keys, now);
    log.info({ email: email.data, clientKey }, "sign-in failed");
    throw new AppError("unauthenticated", "credentials_invalid");
  }
  await clearFailures([`email:${email.data}`]);
  return { id: user.id, email: user.email, name: user.name };
}
