import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/server/db/client";
import { createWorkspaceOp } from "../../lib/server/workspaces/create-workspace";
import { renameWorkspaceOp } from "../../lib/server/workspaces/rename-workspace";
import { deleteWorkspaceOp } from "../../lib/server/workspaces/delete-workspace";
import { getWorkspaceOp } from "../../lib/server/workspaces/get-workspace";
import { listWorkspacesOp } from "../../lib/server/workspaces/list-workspaces";
import { changeMemberRoleOp } from "../../lib/server/members/change-member-role";
import { leaveWorkspaceOp, removeMemberOp } from "../../lib/server/members/remove-member";
import { roleOf } from "../../lib/server/ops/define";
import { makeUser, makeWorld } from "../support/factories";

describe("workspaces", () => {
  it("creates with the creator as owner, and keeps hostile names inert text", async () => {
    const u = await makeUser();
    const ws = await createWorkspaceOp.execute(u, { name: "  <img src=x onerror=alert(1)> 研究会 " });
    expect(ws.name).toBe("<img src=x onerror=alert(1)> 研究会");
    expect(ws.slug).toMatch(/^[a-z0-9-]+$/);
    expect(await roleOf(u.id, ws.id)).toBe("owner");
    const mine = await listWorkspacesOp.execute(u, {});
    expect(mine.map((w) => w.id)).toContain(ws.id);
    const events = await prisma.activityEvent.findMany({ where: { workspaceId: ws.id } });
    expect(events.map((e) => e.kind)).toEqual(["workspace.create"]);
  });

  it("refuses empty and overlong names with the field's rule", async () => {
    const u = await makeUser();
    await expect(createWorkspaceOp.execute(u, { name: "   " })).rejects.toMatchObject({ code: "invalid_input", message: "name_required" });
    await expect(createWorkspaceOp.execute(u, { name: "x".repeat(81) })).rejects.toMatchObject({ code: "invalid_input", message: "name_too_long" });
    await expect(createWorkspaceOp.execute(u, { name: 42 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("hides a workspace from non-members by id and by slug", async () => {
    const w = await makeWorld();
    await expect(getWorkspaceOp.execute(w.outsider, { workspaceId: w.workspace.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(getWorkspaceOp.execute(w.outsider, { workspaceSlug: w.workspace.slug })).rejects.toMatchObject({ code: "not_found" });
    await expect(getWorkspaceOp.execute(w.outsider, { workspaceSlug: "no-such-workspace" })).rejects.toMatchObject({ code: "not_found" });
    await expect(getWorkspaceOp.execute(w.members.viewer, { workspaceSlug: w.workspace.slug })).resolves.toMatchObject({ role: "viewer" });
  });

  it("renames (owner) and deletes only with the typed name", async () => {
    const w = await makeWorld();
    await expect(renameWorkspaceOp.execute(w.members.owner, { workspaceId: w.workspace.id, name: "新しい名前" })).resolves.toMatchObject({ name: "新しい名前" });
    await expect(deleteWorkspaceOp.execute(w.members.owner, { workspaceId: w.workspace.id, confirmName: "違う名前" })).rejects.toMatchObject({ message: "confirm_name_mismatch" });
    await expect(deleteWorkspaceOp.execute(w.members.owner, { workspaceId: w.workspace.id, confirmName: "新しい名前" })).resolves.toEqual({ deleted: true });
    expect(await prisma.workspace.findUnique({ where: { id: w.workspace.id } })).toBeNull();
    expect(await prisma.membership.count({ where: { workspaceId: w.workspace.id } })).toBe(0);
  });
});

describe("members", () => {
  it("changes roles, removes and leaves, but never leaves a workspace without an owner", async () => {
    const w = await makeWorld();
    const ws = w.workspace.id;
    await changeMemberRoleOp.execute(w.members.owner, { workspaceId: ws, userId: w.target.id, role: "editor" });
    expect(await roleOf(w.target.id, ws)).toBe("editor");
    await expect(changeMemberRoleOp.execute(w.members.owner, { workspaceId: ws, userId: w.members.owner.id, role: "viewer" })).rejects.toMatchObject({ message: "last_owner" });
    await expect(leaveWorkspaceOp.execute(w.members.owner, { workspaceId: ws })).rejects.toMatchObject({ message: "last_owner" });
    await expect(changeMemberRoleOp.execute(w.members.owner, { workspaceId: ws, userId: w.outsider.id, role: "viewer" })).rejects.toMatchObject({ message: "member_not_found" });

    await changeMemberRoleOp.execute(w.members.owner, { workspaceId: ws, userId: w.members.editor.id, role: "owner" });
    await leaveWorkspaceOp.execute(w.members.owner, { workspaceId: ws });
    expect(await roleOf(w.members.owner.id, ws)).toBeNull();

    await removeMemberOp.execute(w.members.editor, { workspaceId: ws, userId: w.target.id });
    expect(await roleOf(w.target.id, ws)).toBeNull();
    await leaveWorkspaceOp.execute(w.members.viewer, { workspaceId: ws });
    expect(await roleOf(w.members.viewer.id, ws)).toBeNull();
  });

  it("refuses unknown roles", async () => {
    const w = await makeWorld();
    await expect(changeMemberRoleOp.execute(w.members.owner, { workspaceId: w.workspace.id, userId: w.target.id, role: "admin" })).rejects.toMatchObject({ code: "invalid_input" });
  });
});
