import type { Role } from "../../core/roles";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export const listMembersOp = defineOperation({
  name: "members.list",
  permission: { kind: "workspace", action: "members.read" },
  input: workspaceRef,
  async run(ctx): Promise<MemberView[]> {
    const rows = await prisma.membership.findMany({
      where: { workspaceId: ctx.workspaceId },
      orderBy: [{ createdAt: "asc" }],
      select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    });
    return rows.map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role as Role, joinedAt: r.createdAt.toISOString() }));
  },
});
