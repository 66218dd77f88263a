/**
 * Authentication and authorisation per document name: a valid short-lived token, a name of
 * one of the three known shapes, a member of that workspace (roleOf + can(), the one
 * permission function) and, for per-document Y.Docs, a live document of that workspace.
 *
 * Write access by document kind:
 *   annotations → annotation.create (editors, owners); commenters and viewers read only
 *   discussion  → annotation.reply  (commenters too); viewers read only
 *   meta        → theme.manage      (editors, owners)
 *
 * Also stamps the awareness state with the authenticated identity, so a client cannot show
 * its cursor under someone else's name.
 */
import type { Extension, onAuthenticatePayload, beforeHandleAwarenessPayload } from "@hocuspocus/server";
import { parseDocName, type CollabDocRef } from "../../../core/collab";
import { can, type Action } from "../../../core/permissions";
import type { Role } from "../../../core/roles";
import { prisma } from "../../../infra/db/client";
import { roleOf } from "../../../infra/role-of";
import { verifyConnectionToken } from "../../auth/token";
import { authoriseGuest } from "./authorise-guest";
import { isRefusal, refuse, type CollabContext } from "../context";
import { logger } from "../../../infra/log";

const log = logger("collab.auth");

const WRITE_ACTION: Record<CollabDocRef["kind"], Action> = {
  annotations: "annotation.create",
  discussion: "annotation.reply",
  meta: "theme.manage",
};

/** Whether `role` may open `ref` at all, and whether only to read. Used again on revocation. */
export function accessFor(role: Role | null, ref: CollabDocRef): { read: boolean; readOnly: boolean } {
  if (!can(role, "annotation.read")) return { read: false, readOnly: true };
  return { read: true, readOnly: !can(role, WRITE_ACTION[ref.kind]) };
}

/** True for the workspace Y.Doc, and for a per-document Y.Doc whose document exists and is not deleted. */
export async function documentIsLive(ref: CollabDocRef): Promise<boolean> {
  if (ref.kind === "meta") return true;
  const doc = await prisma.document.findFirst({ where: { id: ref.documentId, workspaceId: ref.workspaceId, deletedAt: null }, select: { id: true } });
  return doc !== null;
}

export function authenticate(opts: { secret: string }): Extension {
  return {
    extensionName: "authenticate",
    priority: 1000,
    async onAuthenticate(data: onAuthenticatePayload<CollabContext>): Promise<CollabContext> {
      try {
        return await authorise(data, opts.secret);
      } catch (e) {
        log.warn({ documentName: data.documentName.slice(0, 200), reason: isRefusal(e) ? e.reason : "error", err: isRefusal(e) ? undefined : e }, "connection refused");
        throw isRefusal(e) ? e : { reason: "forbidden" };
      }
    },
    async beforeHandleAwareness(data: beforeHandleAwarenessPayload<CollabContext>) {
      const ctx = data.context;
      if (!ctx?.userId) return;
      for (const state of data.states.values()) {
        const claimed = typeof state.user === "object" && state.user !== null ? (state.user as Record<string, unknown>) : {};
        state.user = { ...claimed, id: ctx.userId, name: ctx.userName };
      }
    },
  };
}

async function authorise(data: onAuthenticatePayload<CollabContext>, secret: string): Promise<CollabContext> {
  const ref = parseDocName(data.documentName);
  if (!ref) refuse("invalid-document-name");
  if (!data.token) refuse("token-required");
  const token = await verifyConnectionToken(data.token, secret).catch(() => refuse("invalid-token"));
  // Browsers always send Origin; a client without one must prove it is server-side code.
  if (!data.requestHeaders.get("origin") && token.kind !== "server") refuse("origin-required");
  if (token.kind === "guest") {
    const guest = await authoriseGuest(token.userId, token.guestName ?? "", ref);
    data.connectionConfig.readOnly = guest.readOnly;
    return guest;
  }
  const role = await roleOf(token.userId, ref.workspaceId);
  const access = accessFor(role, ref);
  // A non-member and a missing document get the same answer: nothing about the workspace leaks.
  if (!role || !access.read || !(await documentIsLive(ref))) refuse("forbidden");
  const user = await prisma.user.findUnique({ where: { id: token.userId }, select: { name: true, sessionVersion: true } });
  if (!user) refuse("forbidden");
  // A browser token dies with the session it was minted from (sign-out, "sign out everywhere").
  if (token.kind === "browser" && token.sessionVersion !== user.sessionVersion) refuse("session-revoked");
  data.connectionConfig.readOnly = access.readOnly;
  return { userId: token.userId, userName: user.name, role, ref, readOnly: access.readOnly, ...(token.kind === "browser" ? { sessionVersion: user.sessionVersion } : {}) };
}
