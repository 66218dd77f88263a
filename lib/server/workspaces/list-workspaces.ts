import { z } from "zod";
import type { Role } from "../../core/roles";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";

export interface MyWorkspace {
  id: string;
  slug: string;
  name: string;
  role: Role;
  documentCount: number;
  memberCount: number;
}

/** The workspaces the actor belongs to, most recently updated first. */
export const listWorkspacesOp = defineOperation({
  name: "workspaces.list",
  permission: { kind: "user" },
  input: z.object({}).optional(),
  async run(ctx): Promise<MyWorkspace[]> {
    const rows = await prisma.membership.findMany({
      where: { userId: ctx.actor.id },
      orderBy: { workspace: { updatedAt: "desc" } },
      select: {
        role: true,
        workspace: {
          select: {
            id: true,
            slug: true,
            name: true,
            _count: { select: { memberships: true, documents: { where: { deletedAt: null } } } },
          },
        },
      },
    });
    return rows.map((r) => ({
      id: r.workspace.id,
      slug: r.workspace.slug,
      name: r.workspace.name,
      role: r.role as Role,
      documentCount: r.workspace._count.documents,
      memberCount: r.workspace._count.memberships,
    }));
  },
});
