import { z } from "zod";
import { idSchema } from "../../core/validation";
import type { Role } from "../../core/roles";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { AppError } from "../../core/errors";

export interface InvitationView {
  id: string;
  role: Role;
  email: string | null;
  expiresAt: string;
  createdBy: string;
}

/** Pending invitations: not accepted, not revoked, not expired. */
export const listInvitationsOp = defineOperation({
  name: "members.invitations",
  permission: { kind: "workspace", action: "members.invite" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx): Promise<InvitationView[]> {
    const rows = await prisma.invitation.findMany({
      where: { workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: ctx.now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true, email: true, expiresAt: true, createdBy: { select: { name: true } } },
    });
    return rows.map((r) => ({ id: r.id, role: r.role as Role, email: r.email, expiresAt: r.expiresAt.toISOString(), createdBy: r.createdBy.name }));
  },
});

export const revokeInvitationOp = defineOperation({
  name: "members.revokeInvitation",
  permission: { kind: "workspace", action: "members.invite" },
  input: z.object({ workspaceId: idSchema, invitationId: idSchema }),
  run: (ctx, input) =>
    prisma.$transaction(async (tx) => {
      const updated = await tx.invitation.updateMany({
        where: { id: input.invitationId, workspaceId: ctx.workspaceId, acceptedAt: null, revokedAt: null },
        data: { revokedAt: ctx.now },
      });
      if (updated.count === 0) throw new AppError("not_found", "invitation_not_found");
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "invitation.revoke", targetType: "invitation", targetId: input.invitationId, at: ctx.now });
      return { revoked: true as const };
    }),
});
