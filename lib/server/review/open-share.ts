/**
 * A guest opening a share link (no account): the token's signature and expiry, then the stored
 * row (revoked, expired, scope). Every refusal is `not_found` or `expired` with no detail about
 * the workspace. An open is recorded in the workspace's activity once per link and day, and
 * counted on the link.
 */
import { z } from "zod";
import { AppError } from "../../core/errors";
import { guestNameSchema, sharedDocumentIds, type ShareScope } from "../../core/review";
import { mintGuestToken } from "../../collab/auth/token";
import { recordActivity } from "../activity/record-activity";
import { publicCollabUrl } from "../collab/collab-url";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { usableShareLink, type ShareLinkRow } from "../../infra/share-link";
import { readShareToken } from "./share-token";

export interface OpenedShare {
  id: string;
  label: string;
  scope: ShareScope;
  allowComments: boolean;
  expiresAt: string;
  workspace: { id: string; name: string };
}

/** The usable link a token names at `now`; throws `not_found` (bad token) or `expired` (revoked, expired). */
export async function resolveShareToken(token: string, now: Date): Promise<ShareLinkRow> {
  const linkId = readShareToken(token, now);
  if (!linkId) throw new AppError("not_found", "share_not_found");
  const found = await usableShareLink(linkId, now);
  if (!found.link) throw new AppError(found.state === "missing" ? "not_found" : "expired", found.state === "missing" ? "share_not_found" : `share_${found.state}`);
  return found.link;
}

export const openShareOp = defineOperation({
  name: "share.open",
  permission: { kind: "public" },
  input: z.object({ token: z.string().max(200) }),
  async run(ctx, input): Promise<OpenedShare> {
    const link = await resolveShareToken(input.token, ctx.now);
    await prisma.$transaction(async (tx) => {
      await tx.shareLink.update({ where: { id: link.id }, data: { openCount: { increment: 1 }, lastOpenedAt: ctx.now } });
      // One event per link and day: a guest reloading the page is not news.
      await recordActivity(tx, {
        workspaceId: link.workspaceId, actorId: null, kind: "share.open", targetType: "share", targetId: link.id,
        data: { name: link.label, view: link.scope.view }, key: `share.open:${link.id}:${ctx.now.toISOString().slice(0, 10)}`, at: ctx.now,
      });
    });
    return { id: link.id, label: link.label, scope: link.scope, allowComments: link.allowComments, expiresAt: link.expiresAt.toISOString(), workspace: { id: link.workspace.id, name: link.workspace.name } };
  },
});

/** A guest's collab token for a compare-view link (read-only unless the link allows comments). */
export const guestCollabTokenOp = defineOperation({
  name: "share.collabToken",
  permission: { kind: "public" },
  input: z.object({ token: z.string().max(200), guestName: z.string().max(200).optional(), host: z.string().max(300).nullable().optional() }),
  async run(ctx, input): Promise<{ token: string; url: string; guestName: string }> {
    const link = await resolveShareToken(input.token, ctx.now);
    if (link.scope.view !== "compare" || sharedDocumentIds(link.scope).length === 0) throw new AppError("not_found", "share_not_found");
    const name = guestNameSchema.safeParse(input.guestName ?? "");
    const guestName = link.allowComments && name.success ? name.data : "Guest";
    const token = await mintGuestToken({ linkId: link.id, guestName, now: ctx.now });
    return { token, url: publicCollabUrl(input.host ?? null, process.env, link.workspaceId), guestName };
  },
});
