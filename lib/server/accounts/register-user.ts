import type { z } from "zod";
import { registerSchema } from "../../core/validation";
import { registerPolicy } from "../../core/security/backoff";
import { prisma } from "../../infra/db/client";
import { hashPassword } from "../auth/password";
import { defineOperation } from "../ops/define";
import { charge, LOCAL_CLIENT } from "./throttle";
import { sendAccountExistsMail } from "./send-account-mail";
import { logger } from "../../infra/log";

const log = logger("auth");

/**
 * Creates a password account. The email is compared case-insensitively (stored lower-case).
 * An address that already has an account gets the same answer as a new one (and its owner a
 * mail when SMTP is configured), so registration does not tell who has an account; the hash is
 * computed either way so the timing does not tell either. Returns whether an account was created.
 */
export async function registerUser(input: z.output<typeof registerSchema>): Promise<{ created: boolean; id: string | null }> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } });
    return { created: true, id: user.id };
  } catch (e) {
    // The unique index decides, also for two registrations racing for one email.
    if ((e as { code?: string }).code !== "P2002") throw e;
    log.info({ email: input.email }, "registration for an existing address");
    await sendAccountExistsMail(input.email);
    return { created: false, id: null };
  }
}

/** The public registration: throttled per client; answers alike for new and known addresses. */
export const registerUserOp = defineOperation({
  name: "accounts.register",
  permission: { kind: "public" },
  input: registerSchema,
  async run(ctx, input) {
    if (ctx.clientKey !== LOCAL_CLIENT) await charge([[`register:${ctx.clientKey}`, registerPolicy(process.env.REGISTRATIONS_PER_HOUR)]], ctx.now);
    await registerUser(input);
    return { email: input.email };
  },
});
