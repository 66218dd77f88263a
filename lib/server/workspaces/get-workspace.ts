import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "./schemas";
import { AppError } from "../../core/errors";
import type { Role } from "../../core/roles";

export interface WorkspaceView {
  id: string;
  slug: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** One workspace as its member sees it, with the member's role. */
export const getWorkspaceOp = defineOperation({
  name: "workspaces.get",
  permission: { kind: "workspace", action: "workspace.read" },
  input: workspaceRef,
  async run(ctx): Promise<WorkspaceView> {
    const ws = await prisma.workspace.findUnique({ where: { id: ctx.workspaceId } });
    if (!ws) throw new AppError("not_found", "workspace_not_found");
    return { id: ws.id, slug: ws.slug, name: ws.name, role: ctx.role, createdAt: ws.createdAt.toISOString() };
  },
});
