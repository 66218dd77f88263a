/**
 * What a share link opens: one view of one workspace, nothing else. The link row stores the view
 * and its scope; every guest request (page, API, collab document) is decided here, so the rules
 * for a guest are in one place and testable without a server.
 */
import { z } from "zod";
import type { CollabDocRef } from "../collab";

export const SHARE_VIEWS = ["compare", "map", "export"] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

/** Longest a link may live: long enough for a review round, short enough to be forgotten safely. */
export const SHARE_LIMITS = { maxDays: 90, labelMax: 80, guestNameMax: 40 } as const;

export const shareScopeSchema = z.discriminatedUnion("view", [
  z.object({ view: z.literal("compare"), documentIds: z.array(z.string().min(1).max(64)).min(1).max(4) }),
  z.object({ view: z.literal("map") }),
  z.object({ view: z.literal("export"), documentIds: z.array(z.string().min(1).max(64)).max(200).optional() }),
]);
export type ShareScope = z.infer<typeof shareScopeSchema>;

export interface ShareLinkFacts {
  workspaceId: string;
  scope: ShareScope;
  allowComments: boolean;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type ShareState = "ok" | "expired" | "revoked";

/** Revocation wins over expiry: the owner's last word is what the guest is told. */
export function shareState(link: Pick<ShareLinkFacts, "expiresAt" | "revokedAt">, now: Date): ShareState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "ok";
}

/** The documents a link shows; the map shows none directly (its annotations come as map text). */
export function sharedDocumentIds(scope: ShareScope): readonly string[] {
  return scope.view === "map" ? [] : (scope.documentIds ?? []);
}

/**
 * Whether a guest of `link` may open collab document `ref`, and whether only to read. Only the
 * compare view is live: its documents' annotations (read), their discussions (written when the
 * link allows comments) and the workspace document for themes and links (read). The map and
 * export views are rendered on the server and open no collab document.
 */
export function guestCollabAccess(link: Pick<ShareLinkFacts, "workspaceId" | "scope" | "allowComments">, ref: CollabDocRef): { read: boolean; readOnly: boolean } {
  const none = { read: false, readOnly: true };
  if (ref.workspaceId !== link.workspaceId || link.scope.view !== "compare") return none;
  if (ref.kind === "meta") return { read: true, readOnly: true };
  if (!link.scope.documentIds.includes(ref.documentId)) return none;
  return { read: true, readOnly: !(ref.kind === "discussion" && link.allowComments) };
}

/** The prefix of a guest's collab identity; no user id has a colon (cuids), so none collides. */
export const GUEST_ID_PREFIX = "guest:";

/** The collab identity of a guest of link `linkId` (one per link: guests of a link are one commenter). */
export function guestUserId(linkId: string): string {
  return `${GUEST_ID_PREFIX}${linkId}`;
}

/** The link id of a guest identity, or null for a member's id. */
export function linkIdOfGuest(userId: string): string | null {
  return userId.startsWith(GUEST_ID_PREFIX) ? userId.slice(GUEST_ID_PREFIX.length) || null : null;
}

/** A guest's display name: NFC, no control characters, collapsed spaces, 1–40 characters. */
export const guestNameSchema = z
  .string()
  .transform((s) => s.normalize("NFC").replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "guest_name_empty").max(SHARE_LIMITS.guestNameMax, "guest_name_too_long"));
