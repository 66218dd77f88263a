import { AppError } from "./errors";
import type { Role } from "./roles";

/**
 * Everything a member can try to do in a workspace. The web app (route handlers,
 * server actions) and the collab server ask `can()` and nothing else.
 */
export const ACTIONS = [
  "workspace.read",
  "workspace.rename",
  "workspace.delete",
  "workspace.leave",
  "members.read",
  "members.invite",
  "members.changeRole",
  "members.remove",
  "document.read",
  "document.create",
  "document.update",
  "document.delete",
  "annotation.read",
  "annotation.create",
  "annotation.edit",
  "annotation.reply",
  "theme.manage",
  "link.manage",
  "export.run",
  /** Ask members to review a document by a date (lib/server/review). */
  "review.assign",
  /** Create and revoke share links for people without an account. */
  "share.manage",
  /** Name the current state of the map and annotations. */
  "snapshot.create",
] as const;
export type Action = (typeof ACTIONS)[number];

const VIEW: readonly Action[] = ["workspace.read", "workspace.leave", "members.read", "document.read", "annotation.read", "export.run"];
const COMMENT: readonly Action[] = [...VIEW, "annotation.reply"];
const EDIT: readonly Action[] = [
  ...COMMENT,
  "document.create",
  "document.update",
  "document.delete",
  "annotation.create",
  "annotation.edit",
  "theme.manage",
  "link.manage",
  "review.assign",
  "share.manage",
  "snapshot.create",
];

const GRANTS: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set(VIEW),
  commenter: new Set(COMMENT),
  editor: new Set(EDIT),
  owner: new Set(ACTIONS),
};

/**
 * The one permission function. `role` is null for a non-member, who may do nothing.
 * Owners may do everything except leave while they are the last owner, which the
 * membership service checks because it needs the member count.
 */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return GRANTS[role].has(action);
}

/**
 * Throws unless `role` may perform `action`. A non-member gets `not_found`, so that
 * a workspace's existence is never revealed to someone outside it.
 */
export function assertCan(role: Role | null | undefined, action: Action): asserts role is Role {
  if (!role) throw new AppError("not_found", "workspace_not_found");
  if (!can(role, action)) throw new AppError("forbidden", "role_forbidden");
}

/** Roles an actor may hand out: never more than their own, and only owners create owners. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return ["owner", "editor", "commenter", "viewer"];
  return [];
}
