/** Workspace roles, strongest first. Mirrors the Prisma enum `Role`. */
export const ROLES = ["owner", "editor", "commenter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Higher number = more rights. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}
