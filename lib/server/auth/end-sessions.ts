import { z } from "zod";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { notifyAccessChanged } from "../../infra/access-changed";
import { logger } from "../../infra/log";

const log = logger("auth");

/**
 * Ends every session of a user: bumps User.sessionVersion, which the next-auth jwt callback
 * compares on each request (a copied session cookie stops working at once) and the collab
 * server compares for tokens and open sockets (closed through the access-changed NOTIFY, one
 * per workspace of the user). Called on sign-out, by "sign out everywhere" and by a password change.
 */
export async function endSessions(userId: string): Promise<void> {
  const updated = await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  if (updated.count === 0) return;
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { workspaceId: true } });
  await Promise.all(memberships.map((m) => notifyAccessChanged(m.workspaceId, userId)));
  log.info({ userId, workspaces: memberships.length }, "sessions ended");
}

/** The current session version of a user, or null when the user no longer exists. */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** "Sign out everywhere": ends all sessions of the signed-in user, this one included. */
export const endSessionsOp = defineOperation({
  name: "accounts.endSessions",
  permission: { kind: "user" },
  input: z.object({}).strict(),
  run: async (ctx) => {
    await endSessions(ctx.actor.id);
    return { ended: true };
  },
});
