import { z } from "zod";
import { idSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { assignableRoles } from "../../core/permissions";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { roleSchema } from "../workspaces/schemas";
import { assertOtherOwnerExists } from "./guard-last-owner";
import { notifyAccessChanged } from "./notify-access-changed";

export const changeMemberRoleOp = defineOperation({
  name: "members.changeRole",
  permission: { kind: "workspace", action: "members.changeRole" },
  input: z.object({ workspaceId: idSchema, userId: idSchema, role: roleSchema }),
  async run(ctx, input) {
    if (!assignableRoles(ctx.role).includes(input.role)) throw new AppError("forbidden", "role_forbidden");
    const result = await prisma.$transaction(async (tx) => {
      const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: input.userId } } });
      if (!member) throw new AppError("not_found", "member_not_found");
      if (member.role === "owner" && input.role !== "owner") await assertOtherOwnerExists(tx, ctx.workspaceId, input.userId);
      await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
      await recordActivity(tx, {
        workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "member.role", targetType: "user", targetId: input.userId,
        data: { from: member.role, to: input.role }, at: ctx.now,
      });
      return { userId: input.userId, role: input.role };
    });
    await notifyAccessChanged(ctx.workspaceId, input.userId);
    return result;
  },
});
