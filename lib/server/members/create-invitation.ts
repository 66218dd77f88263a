import { z } from "zod";
import { emailSchema, idSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { assignableRoles } from "../../core/permissions";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { roleSchema } from "../workspaces/schemas";
import { newInvitationToken } from "./invitation-token";
import { sendInvitationMail } from "./send-invitation-mail";

export const INVITATION_DAYS = { default: 7, max: 30 } as const;

/**
 * Creates an invitation link. With an email it is bound to that address and mailed
 * when SMTP is configured; otherwise (and always) the link is returned to copy.
 */
export const createInvitationOp = defineOperation({
  name: "members.invite",
  permission: { kind: "workspace", action: "members.invite" },
  input: z.object({
    workspaceId: idSchema,
    role: roleSchema,
    email: z.union([emailSchema, z.literal("").transform(() => undefined)]).optional(),
    expiresInDays: z.number().int().min(1).max(INVITATION_DAYS.max).default(INVITATION_DAYS.default),
  }),
  async run(ctx, input) {
    if (!assignableRoles(ctx.role).includes(input.role)) throw new AppError("forbidden", "role_forbidden");
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
    const invitation = await prisma.$transaction(async (tx) => {
      const inv = await tx.invitation.create({
        data: { workspaceId: ctx.workspaceId, tokenHash, role: input.role, email: input.email ?? null, expiresAt, createdById: ctx.actor.id },
        select: { id: true },
      });
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "invitation.create", targetType: "invitation", targetId: inv.id, data: { role: input.role }, at: ctx.now });
      return inv;
    });
    const path = `/invite/${token}`;
    const mailed = input.email ? await sendInvitationMail(input.email, path, ctx.actor.name) : false;
    return { id: invitation.id, path, role: input.role, email: input.email ?? null, expiresAt: expiresAt.toISOString(), mailed };
  },
});
