/** A member whose access is revoked or whose role drops loses the live connection within seconds. */
import { describe, expect, it } from "vitest";
import type { CollabContext } from "../../lib/collab/server/context";
import { prisma } from "../../lib/infra/db/client";
import { changeMemberRoleOp } from "../../lib/server/members/change-member-role";
import { removeMemberOp } from "../../lib/server/members/remove-member";
import { makeUser } from "../support/factories";
import { connect, collabPaperFixture, waitFor } from "./support/harness";

const fx = collabPaperFixture();

/** Open fx.server-side connections of `userId` on `fx.name`, with their read-only flags. */
function serverConnections(userId: string): boolean[] {
  const doc = fx.server.server.hocuspocus.documents.get(fx.name);
  return doc ? doc.getConnections().filter((c) => (c.context as CollabContext).userId === userId).map((c) => c.readOnly) : [];
}

describe("revocation", () => {
  it("drops a removed member's connection and refuses the reconnect", async () => {
    const member = fx.world.target;
    const handle = connect(fx.server, fx.name, member.id);
    await handle.ready;
    const failures: string[] = [];
    handle.provider.on("authenticationFailed", ({ reason }: { reason: string }) => failures.push(reason));
    expect(serverConnections(member.id)).toEqual([true]);

    const started = Date.now();
    await removeMemberOp.execute(fx.world.members.owner, { workspaceId: fx.world.workspace.id, userId: member.id });
    await waitFor(() => serverConnections(member.id).length === 0, "connection dropped", 5_000);
    const elapsed = Date.now() - started;
    await waitFor(() => failures.length > 0, "reconnect refused", 10_000);
    expect(failures[0]).toBe("forbidden");
    expect(serverConnections(member.id)).toEqual([]);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("reconnects a demoted editor read-only", async () => {
    const user = await makeUser("demoted");
    await prisma.membership.create({ data: { workspaceId: fx.world.workspace.id, userId: user.id, role: "editor" } });
    const handle = connect(fx.server, fx.name, user.id);
    await handle.ready;
    expect(handle.readOnly()).toBe(false);
    await changeMemberRoleOp.execute(fx.world.members.owner, { workspaceId: fx.world.workspace.id, userId: user.id, role: "viewer" });
    await waitFor(() => serverConnections(user.id).join() === "true", "read-only connection after the role change", 10_000);
    await waitFor(() => handle.readOnly(), "client told it is read-only", 5_000);
  });

  it("leaves connections alone when the access they have is unchanged", async () => {
    const user = await makeUser("unchanged");
    await prisma.membership.create({ data: { workspaceId: fx.world.workspace.id, userId: user.id, role: "viewer" } });
    const handle = connect(fx.server, fx.name, user.id);
    await handle.ready;
    const before = fx.server.server.hocuspocus.documents.get(fx.name)!.getConnections().find((c) => (c.context as CollabContext).userId === user.id);
    await changeMemberRoleOp.execute(fx.world.members.owner, { workspaceId: fx.world.workspace.id, userId: user.id, role: "commenter" });
    // Commenters are read-only on the annotations document too: nothing to re-check there.
    const { recheckAccess } = await import("../../lib/collab/server/extensions/revoke-access");
    expect(await recheckAccess(fx.server.server.hocuspocus, fx.world.workspace.id, user.id)).toBe(0);
    const after = fx.server.server.hocuspocus.documents.get(fx.name)!.getConnections().find((c) => (c.context as CollabContext).userId === user.id);
    expect(after).toBe(before);
  });
});
