/**
 * Share links: created and revoked by owners and editors (share.manage), listed on the review
 * page with their URL (re-signed from the row: the token is not a secret the row has to keep).
 */
import { z } from "zod";
import { AppError } from "../../core/errors";
import { SHARE_LIMITS, SHARE_VIEWS, shareScopeSchema, shareState, type ShareScope, type ShareState } from "../../core/review";
import { idSchema } from "../../core/validation";
import { recordActivity } from "../activity/record-activity";
import { prisma } from "../../infra/db/client";
import { notifyAccessChanged } from "../../infra/access-changed";
import { defineOperation } from "../ops/define";
import { guestUserId } from "../../core/review";
import { signShareToken } from "./share-token";

export interface ShareLinkView {
  id: string;
  view: ShareScope["view"];
  documentIds: string[];
  allowComments: boolean;
  label: string;
  expiresAt: string;
  state: ShareState;
  openCount: number;
  lastOpenedAt: string | null;
  /** Root-relative URL of the link (`/s/<token>`); null once it no longer works. */
  path: string | null;
}

export const createShareLinkInput = z.object({
  workspaceId: idSchema,
  // Only the compare view has a guest page so far; map and export scopes are modelled (and
  // enforced on the collab server) but no link to them can be made until their pages exist.
  view: z.enum(SHARE_VIEWS).refine((v) => v === "compare", "share_view_unavailable"),
  documentIds: z.array(idSchema).max(200).default([]),
  allowComments: z.boolean().default(false),
  label: z.string().max(SHARE_LIMITS.labelMax, "share_label_too_long").default(""),
  expiresInDays: z.number().int().min(1, "share_expiry_invalid").max(SHARE_LIMITS.maxDays, "share_expiry_invalid"),
});

export const createShareLinkOp = defineOperation({
  name: "share.create",
  permission: { kind: "workspace", action: "share.manage" },
  input: createShareLinkInput,
  async run(ctx, input): Promise<ShareLinkView> {
    const ids = [...new Set(input.documentIds)];
    const scope = shareScopeSchema.safeParse({ view: input.view, documentIds: ids });
    if (!scope.success) throw new AppError("invalid_input", "share_scope_invalid");
    if (ids.length > 0) {
      const found = await prisma.document.count({ where: { id: { in: ids }, workspaceId: ctx.workspaceId, deletedAt: null } });
      if (found !== ids.length) throw new AppError("invalid_input", "share_scope_invalid");
    }
    // Comments are only possible in the live compare view (the other views are rendered on the server).
    const allowComments = input.allowComments && input.view === "compare";
    const expiresAt = new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000);
    const row = await prisma.$transaction(async (tx) => {
      const link = await tx.shareLink.create({
        data: { workspaceId: ctx.workspaceId, view: input.view, scope: scope.data, allowComments, label: input.label.trim(), expiresAt, createdById: ctx.actor.id, createdAt: ctx.now },
      });
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "share.create", targetType: "share", targetId: link.id, data: { name: link.label, view: link.view }, at: ctx.now });
      return link;
    });
    return present(row, ctx.now);
  },
});

export const revokeShareLinkOp = defineOperation({
  name: "share.revoke",
  permission: { kind: "workspace", action: "share.manage" },
  input: z.object({ workspaceId: idSchema, linkId: idSchema }),
  async run(ctx, input): Promise<{ revoked: true }> {
    await prisma.$transaction(async (tx) => {
      const link = await tx.shareLink.findFirst({ where: { id: input.linkId, workspaceId: ctx.workspaceId } });
      if (!link) throw new AppError("not_found", "share_not_found");
      if (link.revokedAt) return;
      await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: ctx.now } });
      await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "share.revoke", targetType: "share", targetId: link.id, data: { name: link.label, view: link.view }, at: ctx.now });
    });
    // Open guest sockets are closed now, not when their token runs out.
    await notifyAccessChanged(ctx.workspaceId, guestUserId(input.linkId));
    return { revoked: true };
  },
});

export const listShareLinksOp = defineOperation({
  name: "share.list",
  permission: { kind: "workspace", action: "share.manage" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx): Promise<ShareLinkView[]> {
    const rows = await prisma.shareLink.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" }, take: 200 });
    return rows.map((r) => present(r, ctx.now));
  },
});

function present(r: { id: string; view: string; scope: unknown; allowComments: boolean; label: string; expiresAt: Date; revokedAt: Date | null; openCount: number; lastOpenedAt: Date | null }, now: Date): ShareLinkView {
  const scope = shareScopeSchema.safeParse(r.scope);
  const state = shareState(r, now);
  return {
    id: r.id,
    view: scope.success ? scope.data.view : "compare",
    documentIds: scope.success && scope.data.view !== "map" ? (scope.data.documentIds ?? []) : [],
    allowComments: r.allowComments,
    label: r.label,
    expiresAt: r.expiresAt.toISOString(),
    state,
    openCount: r.openCount,
    lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    path: state === "ok" ? `/s/${signShareToken(r.id, r.expiresAt)}` : null,
  };
}
