import { z } from "zod";
import { idSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { assertOtherOwnerExists } from "./guard-last-owner";
import { notifyAccessChanged } from "./notify-access-changed";

/** Removes a membership; shared by "remove a member" (owner) and "leave" (self). */
export async function removeMembership(workspaceId: string, userId: string, actorId: string, now: Date, kind: "member.remove" | "member.leave") {
  await prisma.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
    if (!member) throw new AppError("not_found", "member_not_found");
    if (member.role === "owner") await assertOtherOwnerExists(tx, workspaceId, userId);
    await tx.membership.delete({ where: { id: member.id } });
    await recordActivity(tx, { workspaceId, actorId, kind, targetType: "user", targetId: userId, at: now });
  });
  await notifyAccessChanged(workspaceId, userId);
  return { removed: true as const };
}

export const removeMemberOp = defineOperation({
  name: "members.remove",
  permission: { kind: "workspace", action: "members.remove" },
  input: z.object({ workspaceId: idSchema, userId: idSchema }),
  run: (ctx, input) => removeMembership(ctx.workspaceId, input.userId, ctx.actor.id, ctx.now, "member.remove"),
});

export const leaveWorkspaceOp = defineOperation({
  name: "workspaces.leave",
  permission: { kind: "workspace", action: "workspace.leave" },
  input: z.object({ workspaceId: idSchema }),
  run: (ctx) => removeMembership(ctx.workspaceId, ctx.actor.id, ctx.actor.id, ctx.now, "member.leave"),
});
