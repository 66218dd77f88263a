import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { prisma } from "../../infra/db/client";
import type { Actor } from "../ops/define";

/**
 * The signed-in user of the current request, re-read from the database so that a
 * deleted account loses access at once even though its JWT is still valid.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
