import { z } from "zod";
import { idSchema, nameSchema } from "../../core/validation";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "./record-activity";

export const renameWorkspaceOp = defineOperation({
  name: "workspaces.rename",
  permission: { kind: "workspace", action: "workspace.rename" },
  input: z.object({ workspaceId: idSchema, name: nameSchema }),
  run: (ctx, input) =>
    prisma.$transaction(async (tx) => {
      const before = await tx.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { name: true } });
      const ws = await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { name: input.name }, select: { id: true, slug: true, name: true } });
      await recordActivity(tx, { workspaceId: ws.id, actorId: ctx.actor.id, kind: "workspace.rename", data: { from: before.name, to: ws.name }, at: ctx.now });
      return ws;
    }),
});
