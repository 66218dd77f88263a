/**
 * Role lookup shared by the web operations (lib/server/ops) and the collab server (authentication,
 * revocation, direct writes): both ask the database the same question.
 */
import type { Role } from "../core/roles";
import { prisma } from "./db/client";

/** The actor's role in a workspace, or null when not a member (or no such workspace). */
export async function roleOf(userId: string, workspaceId: string): Promise<Role | null> {
  const m = await prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true },
  });
  return (m?.role as Role | undefined) ?? null;
}
