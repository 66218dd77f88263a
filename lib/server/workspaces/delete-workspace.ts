import { z } from "zod";
import { idSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";

/**
 * Deletes a workspace and everything in it. The owner must type the workspace's
 * name to confirm, so a stray click or a forged request without it does nothing.
 */
export const deleteWorkspaceOp = defineOperation({
  name: "workspaces.delete",
  permission: { kind: "workspace", action: "workspace.delete" },
  input: z.object({ workspaceId: idSchema, confirmName: z.string().max(200) }),
  async run(ctx, input) {
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } });
    if (input.confirmName.normalize("NFC").trim() !== ws.name) throw new AppError("invalid_input", "confirm_name_mismatch", { details: { field: "confirmName" } });
    await prisma.workspace.delete({ where: { id: ctx.workspaceId } });
    logger("workspaces", { workspaceId: ctx.workspaceId, userId: ctx.actor.id }).info("workspace deleted");
    return { deleted: true as const };
  },
});
