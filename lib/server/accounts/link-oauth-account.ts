import { prisma } from "../../infra/db/client";
import { emailSchema, nameSchema } from "../../core/validation";

/**
 * Finds or creates the user behind an OAuth sign-in and links the provider account.
 * Providers that give no verified email are refused: the email is the account key.
 */
export async function linkOAuthAccount(input: {
  email: string | null;
  name: string | null;
  provider: string;
  providerAccountId: string;
}): Promise<{ id: string } | null> {
  const email = emailSchema.safeParse(input.email ?? "");
  if (!email.success) return null;
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return { id: linked.userId };
  const name = nameSchema.safeParse(input.name ?? email.data.split("@")[0]);
  const user = await prisma.user.upsert({
    where: { email: email.data },
    update: {},
    create: { email: email.data, name: name.success ? name.data : email.data.split("@")[0]!.slice(0, 80) },
    select: { id: true },
  });
  await prisma.account.create({
    data: { userId: user.id, type: "oauth", provider: input.provider, providerAccountId: input.providerAccountId },
  });
  return user;
}
