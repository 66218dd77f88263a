import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, discussionDocName, metaDocName } from "../../lib/collab/model";
import { mintGuestToken } from "../../lib/collab/auth/token";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { createShareLinkOp, listShareLinksOp, revokeShareLinkOp } from "../../lib/server/review/share-links";
import { guestCollabTokenOp, openShareOp } from "../../lib/server/review/open-share";
import { readShareToken, signShareToken } from "../../lib/server/review/share-token";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, outcomeOf, SECRET, startCollab } from "../collab/support/harness";

let server: CollabServer;
let world: World;
let shared: Awaited<ReturnType<typeof makeDocument>>;
let other: Awaited<ReturnType<typeof makeDocument>>;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-share-links-0123456789";
  server = await startCollab();
  world = await makeWorld();
  shared = await makeDocument(world.workspace.id, world.members.owner.id);
  other = await makeDocument(world.workspace.id, world.members.owner.id);
});
afterEach(() => disconnectAll());
afterAll(async () => {
  await server.destroy();
});

const tokenOf = (path: string | null) => (path ?? "").replace(/^\/s\//, "");

async function compareLink(allowComments = false, days = 7) {
  return createShareLinkOp.execute(world.members.editor, { workspaceId: world.workspace.id, view: "compare", documentIds: [shared.id], allowComments, label: "外部査読", expiresInDays: days });
}

/** Connects to `name` as the guest of `linkId` with a guest token. */
async function connectGuest(name: string, linkId: string, guestName = "Guest") {
  return connect(server, name, `guest:${linkId}`, { tokenValue: await mintGuestToken({ linkId, guestName, secret: SECRET }) });
}

describe("share links: who may manage them", () => {
  it("owners and editors create; commenters, viewers and outsiders are refused", async () => {
    const link = await compareLink();
    expect(link.state).toBe("ok");
    expect(link.path).toMatch(/^\/s\/[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    for (const who of [world.members.commenter, world.members.viewer]) {
      await expect(createShareLinkOp.execute(who, { workspaceId: world.workspace.id, view: "compare", documentIds: [shared.id], expiresInDays: 1 })).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(listShareLinksOp.execute(world.outsider, { workspaceId: world.workspace.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a scope naming another workspace's document and an expiry past 90 days", async () => {
    const elsewhere = await makeWorld();
    const foreign = await makeDocument(elsewhere.workspace.id, elsewhere.members.owner.id);
    await expect(createShareLinkOp.execute(world.members.owner, { workspaceId: world.workspace.id, view: "compare", documentIds: [foreign.id], expiresInDays: 1 })).rejects.toMatchObject({ code: "invalid_input", message: "share_scope_invalid" });
    await expect(createShareLinkOp.execute(world.members.owner, { workspaceId: world.workspace.id, view: "compare", documentIds: [shared.id], expiresInDays: 91 })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("share links: the token", () => {
  it("opens, records the open once a day, and refuses forged, tampered and expired tokens alike", async () => {
    const link = await compareLink();
    const token = tokenOf(link.path);
    const opened = await openShareOp.execute(null, { token });
    expect(opened.scope).toEqual({ view: "compare", documentIds: [shared.id] });
    await openShareOp.execute(null, { token });
    const events = await prisma.activityEvent.findMany({ where: { workspaceId: world.workspace.id, kind: "share.open", targetId: link.id } });
    expect(events).toHaveLength(1);
    expect((await prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } })).openCount).toBe(2);

    const [id, exp] = token.split(".");
    const tampered = `${id}.${Number(exp) + 86_400}.${token.split(".")[2]}`;
    for (const bad of [tampered, `${id}.${exp}.${"A".repeat(43)}`, "nonsense", signShareToken(link.id, new Date(Date.now() + 3600_000), "another-secret-0123456789")]) {
      await expect(openShareOp.execute(null, { token: bad })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(readShareToken(signShareToken(link.id, new Date(Date.now() - 1000)), new Date())).toBeNull();
  });

  it("stops at the row's expiry and at revocation, whatever the token says", async () => {
    const link = await compareLink();
    const token = tokenOf(link.path);
    await prisma.shareLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(openShareOp.execute(null, { token })).rejects.toMatchObject({ code: "expired", message: "share_expired" });

    const live = await compareLink();
    await revokeShareLinkOp.execute(world.members.owner, { workspaceId: world.workspace.id, linkId: live.id });
    await expect(openShareOp.execute(null, { token: tokenOf(live.path) })).rejects.toMatchObject({ code: "expired", message: "share_revoked" });
    await expect(guestCollabTokenOp.execute(null, { token: tokenOf(live.path) })).rejects.toMatchObject({ code: "expired" });
    const listed = await listShareLinksOp.execute(world.members.owner, { workspaceId: world.workspace.id });
    expect(listed.find((l) => l.id === live.id)).toMatchObject({ state: "revoked", path: null });
  });

  it("a link of another workspace cannot be revoked from this one", async () => {
    const elsewhere = await makeWorld();
    const link = await compareLink();
    await expect(revokeShareLinkOp.execute(elsewhere.members.owner, { workspaceId: elsewhere.workspace.id, linkId: link.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("share links: the guest on the collab server", () => {
  it("reads the view's documents read-only and nothing else", async () => {
    const link = await compareLink();
    const ws = world.workspace.id;
    const ann = await connectGuest(annotationsDocName(ws, shared.id), link.id);
    expect(await outcomeOf(ann)).toBe("ok");
    expect(ann.readOnly()).toBe(true);
    const disc = await connectGuest(discussionDocName(ws, shared.id), link.id);
    expect(await outcomeOf(disc)).toBe("ok");
    expect(disc.readOnly()).toBe(true);
    const meta = await connectGuest(metaDocName(ws), link.id);
    expect(await outcomeOf(meta)).toBe("ok");
    expect(meta.readOnly()).toBe(true);
    // Scope escapes: another document of the workspace, another workspace's documents.
    expect(await outcomeOf(await connectGuest(annotationsDocName(ws, other.id), link.id))).toBe("forbidden");
    expect(await outcomeOf(await connectGuest(discussionDocName(ws, other.id), link.id))).toBe("forbidden");
    const elsewhere = await makeWorld();
    const foreign = await makeDocument(elsewhere.workspace.id, elsewhere.members.owner.id);
    expect(await outcomeOf(await connectGuest(annotationsDocName(elsewhere.workspace.id, foreign.id), link.id))).toBe("forbidden");
    expect(await outcomeOf(await connectGuest(metaDocName(elsewhere.workspace.id), link.id))).toBe("forbidden");
  });

  it("writes only the discussions of a link that allows comments", async () => {
    const link = await compareLink(true);
    const disc = await connectGuest(discussionDocName(world.workspace.id, shared.id), link.id, "山田");
    expect(await outcomeOf(disc)).toBe("ok");
    expect(disc.readOnly()).toBe(false);
    const ann = await connectGuest(annotationsDocName(world.workspace.id, shared.id), link.id, "山田");
    expect(await outcomeOf(ann)).toBe("ok");
    expect(ann.readOnly()).toBe(true);
  });

  it("a map link opens no collab document; a forged member-looking guest token is refused", async () => {
    await expect(createShareLinkOp.execute(world.members.owner, { workspaceId: world.workspace.id, view: "map", expiresInDays: 1 })).rejects.toMatchObject({ message: "share_view_unavailable" });
    const row = await prisma.shareLink.create({ data: { workspaceId: world.workspace.id, view: "map", scope: { view: "map" }, expiresAt: new Date(Date.now() + 86_400_000) } });
    const map = { id: row.id, path: `/s/${signShareToken(row.id, row.expiresAt)}` };
    expect(await outcomeOf(await connectGuest(metaDocName(world.workspace.id), map.id))).toBe("forbidden");
    await expect(guestCollabTokenOp.execute(null, { token: tokenOf(map.path) })).rejects.toMatchObject({ code: "not_found" });
    // A guest token naming a link id that is a member's id is still only a guest.
    expect(await outcomeOf(await connectGuest(metaDocName(world.workspace.id), world.members.owner.id))).toBe("forbidden");
  });

  it("revocation closes the guest's open connection and refuses the reconnect", async () => {
    const link = await compareLink();
    const h = await connectGuest(annotationsDocName(world.workspace.id, shared.id), link.id);
    expect(await outcomeOf(h)).toBe("ok");
    await revokeShareLinkOp.execute(world.members.owner, { workspaceId: world.workspace.id, linkId: link.id });
    const { recheckAccess } = await import("../../lib/collab/server/extensions/revoke-access");
    // What the NOTIFY the revocation sent makes every collab instance do for the guest identity.
    expect(await recheckAccess(server.server.hocuspocus, world.workspace.id, `guest:${link.id}`)).toBeGreaterThanOrEqual(1);
    const again = await connectGuest(annotationsDocName(world.workspace.id, shared.id), link.id);
    expect(await outcomeOf(again)).toBe("forbidden");
  });
});
