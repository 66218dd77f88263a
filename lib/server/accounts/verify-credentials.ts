import { emailSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { SIGN_IN } from "../../core/security/backoff";
import { prisma } from "../../infra/db/client";
import { dummyHash, verifyPassword } from "../auth/password";
import { charge, isGoodClient, refund, rememberGoodClient, clearFailures, type Guard } from "./throttle";
import type { Actor } from "../ops/define";
import { logger } from "../../infra/log";

const log = logger("auth");

/** How long a client that signed in stays trusted to skip the account-wide back-off. */
const GOOD_CLIENT_MS = 90 * 24 * 3600_000;

/**
 * Checks an email and password. Backs off per (account, client), per client and per account
 * (the last one skipped for a client that signed in to the account before), so guessing slows
 * down while the owner is never locked out. The same message for an unknown email and a wrong
 * password so accounts are not revealed.
 */
export async function verifyCredentials(rawEmail: unknown, password: unknown, clientKey: string, now = new Date()): Promise<Actor> {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success || typeof password !== "string" || password.length === 0 || password.length > 1000)
    throw new AppError("invalid_input", "credentials_invalid");
  const pair = `pair:${email.data}|${clientKey}`;
  const good = `good:${email.data}|${clientKey}`;
  const guards: Guard[] = [[pair, SIGN_IN.pair], [`client:${clientKey}`, SIGN_IN.client]];
  if (!(await isGoodClient(good, now, GOOD_CLIENT_MS))) guards.push([`account:${email.data}`, SIGN_IN.account]);
  const charged = await charge(guards, now);
  const user = await prisma.user.findUnique({ where: { email: email.data } });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok) {
    log.info({ email: email.data, clientKey }, "sign-in failed");
    throw new AppError("unauthenticated", "credentials_invalid");
  }
  await refund(charged);
  await clearFailures([pair]);
  await rememberGoodClient(good, now);
  return { id: user.id, email: user.email, name: user.name };
}
