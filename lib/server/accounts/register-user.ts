import type { z } from "zod";
import { registerSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { prisma } from "../db/client";
import { hashPassword } from "../auth/password";
import { defineOperation } from "../ops/define";

export interface NewUser {
  id: string;
  email: string;
  name: string;
}

/** Creates a password account. The email is compared case-insensitively (stored lower-case). */
export async function registerUser(input: z.output<typeof registerSchema>): Promise<NewUser> {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "email_taken", { details: { field: "email" } });
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (e) {
    // Two registrations racing for one email: the unique index decides.
    if ((e as { code?: string }).code === "P2002") throw new AppError("conflict", "email_taken", { details: { field: "email" } });
    throw e;
  }
}

export const registerUserOp = defineOperation({
  name: "accounts.register",
  permission: { kind: "public" },
  input: registerSchema,
  run: (_ctx, input) => registerUser(input),
});
