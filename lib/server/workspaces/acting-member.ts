import { AppError } from "../../core/errors";
import { prisma } from "../../infra/db/client";
import type { Actor } from "../ops/define";

/**
 * The member a command-line tool acts as: the workspace's first owner, or the member with the
 * given email. The tool's operations then check that member's role like any other edge.
 */
export async function actingMember(workspaceSlug: string, asEmail?: string): Promise<{ workspaceId: string; actor: Actor }> {
  const ws = await prisma.workspace.findUnique({ where: { slug: workspaceSlug }, select: { id: true } });
  if (!ws) throw new AppError("not_found", `No workspace with slug "${workspaceSlug}".`);
  const member = await prisma.membership.findFirst({
    where: { workspaceId: ws.id, ...(asEmail ? { user: { email: asEmail.toLowerCase() } } : { role: "owner" }) },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!member) throw new AppError("not_found", asEmail ? `${asEmail} is not a member of ${workspaceSlug}.` : "The workspace has no owner.");
  return { workspaceId: ws.id, actor: member.user };
}
