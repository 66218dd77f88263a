/**
 * A share link's guest (lib/core/review/share-scope.ts): no account, no membership. The link row
 * is read on every connection, so a revoked or expired link opens nothing whatever token the
 * guest still holds; the document must be one of the link's view (its compare documents, their
 * discussions, the workspace document for themes and links) and live. Writable only for the
 * discussions of a link that allows comments; the guest then acts as a commenter under the
 * identity `guest:<linkId>`, which the authorship rules hold to its own replies.
 */
import type { CollabDocRef } from "../../../core/collab";
import { guestCollabAccess, linkIdOfGuest } from "../../../core/review";
import { usableShareLink } from "../../../infra/share-link";
import { refuse, type CollabContext } from "../context";
import { documentIsLive } from "./authenticate";

/** The guest's access to `ref` now; refuses (forbidden) anything outside the link's view. */
export async function guestAccessNow(userId: string, ref: CollabDocRef, now = new Date()): Promise<{ read: boolean; readOnly: boolean; allowComments: boolean }> {
  const linkId = linkIdOfGuest(userId);
  if (!linkId) return { read: false, readOnly: true, allowComments: false };
  const { link } = await usableShareLink(linkId, now);
  if (!link) return { read: false, readOnly: true, allowComments: false };
  return { ...guestCollabAccess(link, ref), allowComments: link.allowComments };
}

export async function authoriseGuest(userId: string, guestName: string, ref: CollabDocRef): Promise<CollabContext> {
  const access = await guestAccessNow(userId, ref);
  if (!access.read || !(await documentIsLive(ref))) refuse("forbidden");
  return {
    userId,
    userName: guestName,
    role: access.allowComments ? "commenter" : "viewer",
    ref,
    readOnly: access.readOnly,
  };
}
