/** Share-link lookup shared by the web (guest pages, token route) and the collab server (guest connections), like the role lookup. */
import { shareScopeSchema, shareState, type ShareLinkFacts, type ShareState } from "../core/review";
import { prisma } from "./db/client";
import { logger } from "./log";

const log = logger("share");

export interface ShareLinkRow extends ShareLinkFacts {
  id: string;
  label: string;
  workspace: { id: string; slug: string; name: string };
}

/**
 * The stored share link `id` with its scope checked, or null when there is no such row (or its
 * scope does not parse — a row no guest may use). Every guest request reads it: revocation and
 * expiry take effect on the next request, whatever token the guest holds.
 */
export async function loadShareLink(id: string): Promise<ShareLinkRow | null> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  const row = await prisma.shareLink.findUnique({ where: { id }, include: { workspace: { select: { id: true, slug: true, name: true } } } });
  if (!row) return null;
  const scope = shareScopeSchema.safeParse(row.scope);
  if (!scope.success || scope.data.view !== row.view) {
    log.error({ linkId: id, workspaceId: row.workspaceId }, "share link with an unreadable scope");
    return null;
  }
  return { id: row.id, label: row.label, workspaceId: row.workspaceId, scope: scope.data, allowComments: row.allowComments, expiresAt: row.expiresAt, revokedAt: row.revokedAt, workspace: row.workspace };
}

/** The link if it is usable at `now`, else why not ("missing" for no row). */
export async function usableShareLink(id: string, now: Date): Promise<{ link: ShareLinkRow; state: "ok" } | { link: null; state: Exclude<ShareState, "ok"> | "missing" }> {
  const link = await loadShareLink(id);
  if (!link) return { link: null, state: "missing" };
  const state = shareState(link, now);
  return state === "ok" ? { link, state } : { link: null, state };
}
