import { z } from "zod";
import { AppError } from "../../core/errors";
import { roleRank, type Role } from "../../core/roles";
import { defineOperation, type Actor } from "../ops/define";
import { prisma, recordActivity } from "../workspaces/record-activity";
import { hashInvitationToken, isWellFormedToken } from "./invitation-token";
import { INVITATION } from "../../core/security/backoff";
import { charge, LOCAL_CLIENT, refund, type Guard } from "../accounts/throttle";

const tokenInput = z.object({ token: z.string().max(100) });

/**
 * Finds a usable invitation or explains, with one i18n key, why it cannot be used. Guessing tokens
 * backs off per user and per client: every lookup is charged and refunded when the token exists.
 */
async function usableInvitation(token: string, actor: Actor, now: Date, clientKey: string) {
  const guards: Guard[] = [[`invite:user:${actor.id}`, INVITATION]];
  if (clientKey !== LOCAL_CLIENT) guards.push([`invite:${clientKey}`, INVITATION]);
  const charged = await charge(guards, now);
  if (!isWellFormedToken(token)) throw new AppError("not_found", "invitation_invalid");
  const inv = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { workspace: { select: { id: true, slug: true, name: true } } },
  });
  if (!inv || inv.revokedAt) throw new AppError("not_found", "invitation_invalid");
  await refund(charged);
  if (inv.acceptedAt) throw new AppError("conflict", "invitation_used");
  if (inv.expiresAt <= now) throw new AppError("expired", "invitation_expired");
  if (inv.email && inv.email !== actor.email) throw new AppError("forbidden", "invitation_other_email");
  return inv;
}

/** What an invitation offers, shown before the user accepts it. */
export const previewInvitationOp = defineOperation({
  name: "invitations.preview",
  permission: { kind: "user" },
  input: tokenInput,
  async run(ctx, input) {
    const inv = await usableInvitation(input.token, ctx.actor, ctx.now, ctx.clientKey);
    return { workspaceName: inv.workspace.name, workspaceSlug: inv.workspace.slug, role: inv.role as Role };
  },
});

/**
 * Accepts an invitation: single use, checked again inside the transaction so two
 * people clicking one link at once cannot both join. An existing member keeps the
 * stronger of their role and the offered one.
 */
export const acceptInvitationOp = defineOperation({
  name: "invitations.accept",
  permission: { kind: "user" },
  input: tokenInput,
  async run(ctx, input) {
    const inv = await usableInvitation(input.token, ctx.actor, ctx.now, ctx.clientKey);
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: inv.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: ctx.now, acceptedById: ctx.actor.id },
      });
      if (claimed.count === 0) throw new AppError("conflict", "invitation_used");
      const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inv.workspaceId, userId: ctx.actor.id } } });
      const offered = inv.role as Role;
      if (!existing) await tx.membership.create({ data: { workspaceId: inv.workspaceId, userId: ctx.actor.id, role: offered } });
      else if (roleRank(offered) > roleRank(existing.role as Role)) await tx.membership.update({ where: { id: existing.id }, data: { role: offered } });
      await recordActivity(tx, { workspaceId: inv.workspaceId, actorId: ctx.actor.id, kind: "member.join", targetType: "invitation", targetId: inv.id, data: { role: inv.role }, at: ctx.now });
      return { workspaceSlug: inv.workspace.slug };
    });
  },
});
