import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { createInvitationOp } from "../../lib/server/members/create-invitation";
import { acceptInvitationOp, previewInvitationOp } from "../../lib/server/members/accept-invitation";
import { listInvitationsOp, revokeInvitationOp } from "../../lib/server/members/list-invitations";
import { roleOf } from "../../lib/server/ops/define";
import { makeUser, makeWorld } from "../support/factories";

const tokenOf = (path: string) => path.split("/").pop()!;

describe("invitations", () => {
  it("joins with the offered role, once", async () => {
    const w = await makeWorld();
    const inv = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "commenter" });
    expect(inv.mailed).toBe(false);
    const joiner = await makeUser("joiner");
    await expect(previewInvitationOp.execute(joiner, { token: tokenOf(inv.path) })).resolves.toMatchObject({ role: "commenter", workspaceName: w.workspace.name });
    await expect(acceptInvitationOp.execute(joiner, { token: tokenOf(inv.path) })).resolves.toEqual({ workspaceSlug: w.workspace.slug });
    expect(await roleOf(joiner.id, w.workspace.id)).toBe("commenter");
    const second = await makeUser("second");
    await expect(acceptInvitationOp.execute(second, { token: tokenOf(inv.path) })).rejects.toMatchObject({ code: "conflict", message: "invitation_used" });
    expect(await roleOf(second.id, w.workspace.id)).toBeNull();
  });

  it("refuses expired, forged, revoked and other-email invitations", async () => {
    const w = await makeWorld();
    const joiner = await makeUser("joiner");
    const now = new Date();
    const expired = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "viewer", expiresInDays: 1 }, { now: new Date(now.getTime() - 2 * 86_400_000) });
    await expect(acceptInvitationOp.execute(joiner, { token: tokenOf(expired.path) })).rejects.toMatchObject({ code: "expired" });

    for (const forged of ["A".repeat(43), "short", "../../etc/passwd", "<script>"]) {
      await expect(acceptInvitationOp.execute(joiner, { token: forged })).rejects.toMatchObject({ code: "not_found", message: "invitation_invalid" });
    }

    const revoked = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "viewer" });
    await revokeInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, invitationId: revoked.id });
    await expect(acceptInvitationOp.execute(joiner, { token: tokenOf(revoked.path) })).rejects.toMatchObject({ message: "invitation_invalid" });

    const bound = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "editor", email: "Someone.Else@Example.com" });
    expect(bound.email).toBe("someone.else@example.com");
    await expect(acceptInvitationOp.execute(joiner, { token: tokenOf(bound.path) })).rejects.toMatchObject({ code: "forbidden", message: "invitation_other_email" });
    expect(await roleOf(joiner.id, w.workspace.id)).toBeNull();
  });

  it("never stores the token, only its hash, and lists pending ones", async () => {
    const w = await makeWorld();
    const inv = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "viewer" });
    const row = await prisma.invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).not.toContain(tokenOf(inv.path));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const pending = await listInvitationsOp.execute(w.members.owner, { workspaceId: w.workspace.id });
    expect(pending.map((p) => p.id)).toContain(inv.id);
  });

  it("keeps the stronger role when a member accepts a weaker invitation", async () => {
    const w = await makeWorld();
    const inv = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "viewer" });
    await acceptInvitationOp.execute(w.members.editor, { token: tokenOf(inv.path) });
    expect(await roleOf(w.members.editor.id, w.workspace.id)).toBe("editor");
  });

  it("accepts a link once even when two people click at the same moment", async () => {
    const w = await makeWorld();
    const inv = await createInvitationOp.execute(w.members.owner, { workspaceId: w.workspace.id, role: "viewer" });
    const [a, b] = [await makeUser("a"), await makeUser("b")];
    const results = await Promise.allSettled([acceptInvitationOp.execute(a, { token: tokenOf(inv.path) }), acceptInvitationOp.execute(b, { token: tokenOf(inv.path) })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
