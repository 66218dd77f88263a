import { randomBytes } from "node:crypto";
import { prisma } from "../../lib/infra/db/client";
import { createWorkspace } from "../../lib/server/workspaces/create-workspace";
import type { Role } from "../../lib/core/roles";
import type { Actor } from "../../lib/server/ops/define";

/** A user with a unique email; no password (tests act through operations, not sign-in). */
export async function makeUser(label = "user"): Promise<Actor> {
  const suffix = randomBytes(5).toString("hex");
  return prisma.user.create({
    data: { email: `${label}-${suffix}@test.local`, name: `${label} ${suffix}` },
    select: { id: true, email: true, name: true },
  });
}

export interface World {
  workspace: { id: string; slug: string; name: string };
  members: Record<Role, Actor>;
  /** A viewer that operations may act on (change role, remove). */
  target: Actor;
  outsider: Actor;
}

/** A workspace with one member per role, a spare member to act on, and an outsider. */
export async function makeWorld(now = new Date()): Promise<World> {
  const owner = await makeUser("owner");
  const workspace = await createWorkspace(owner.id, `World ${randomBytes(3).toString("hex")}`, now);
  const members = { owner } as Record<Role, Actor>;
  for (const role of ["editor", "commenter", "viewer"] as const) {
    members[role] = await makeUser(role);
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: members[role].id, role } });
  }
  const target = await makeUser("target");
  await prisma.membership.create({ data: { workspaceId: workspace.id, userId: target.id, role: "viewer" } });
  return { workspace, members, target, outsider: await makeUser("outsider") };
}
