/**
 * The activity API (cursor pagination, token scope, other workspaces refused), mentions and
 * replies becoming notifications only for current members, and the inbox operations.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { GET as activityGET } from "../../app/api/v1/workspaces/[workspaceId]/activity/route";
import { addReply, annotationsDocName, buildAnchor, createAnnotation, discussionDocName } from "../../lib/collab/model";
import { recordActivities } from "../../lib/server/activity/record-activity";
import { createApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { prisma } from "../../lib/infra/db/client";
import { removeMemberOp } from "../../lib/server/members/remove-member";
import { listInboxOp, markReadOp } from "../../lib/server/notifications/inbox-ops";
import { createWorkspace } from "../../lib/server/workspaces/create-workspace";
import { makeWorld } from "../support/factories";
import { makeDocument } from "../collab/support/harness";
import { store, writeNote } from "./support";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(workspaceId: string, token: string | null, query = ""): Promise<{ status: number; body: { items?: { id: string; kind: string }[]; nextCursor?: string | null } }> {
  const req = new Request(`http://synoptic.test/api/v1/workspaces/${workspaceId}/activity${query}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const res = await (activityGET as Handler)(req, { params: Promise.resolve({ workspaceId }) });
  return { status: res.status, body: (await res.json()) as never };
}

describe("GET /api/v1/workspaces/:id/activity", () => {
  it("pages newest first with a cursor, filters, and refuses other workspaces and narrowed tokens", async () => {
    const world = await makeWorld();
    const other = await makeWorld();
    const ws = world.workspace.id;
    const at = new Date();
    await prisma.$transaction((tx) =>
      recordActivities(tx, Array.from({ length: 25 }, (_, i) => ({ workspaceId: ws, actorId: world.members.editor.id, kind: "note.edit" as const, annotationId: `a${i}`, data: { n: i }, at }))),
    );
    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "feed" });
    const seen: string[] = [];
    let cursor: string | null | undefined = "";
    while (cursor !== null && cursor !== undefined) {
      const page = await call(ws, token, `?limit=10&kind=note.edit${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items!.map((i) => i.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
    expect(new Set(seen).size).toBe(25);
    const mine = await call(ws, token, `?actorId=${world.members.owner.id}`);
    expect(mine.body.items!.map((i) => i.kind)).toEqual(["workspace.create"]);

    expect((await call(other.workspace.id, token)).status).toBe(404);
    expect((await call(ws, null)).status).toBe(401);
    expect((await call(ws, token, "?cursor=abc")).status).toBe(400);
    const second = await createWorkspace(world.members.owner.id, "Second", new Date());
    const narrowed = await createApiTokenOp.execute(world.members.owner, { name: "second only", workspaceId: second.id });
    expect((await call(ws, narrowed.token)).status).toBe(404);
  });
});

describe("mentions and replies → notifications", () => {
  it("notifies mentioned members and the annotation's author, never non-members or removed members", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const owner = { id: world.members.owner.id, name: world.members.owner.name };
    const { editor, commenter } = world.members;
    const { target, outsider } = world;
    const paper = await makeDocument(ws, owner.id);
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 8), colour: "#3366ff" }, owner, new Date());
    await store(annotationsDocName(ws, paper.id), doc, [owner.id]);
    // The target is removed before the mention is stored: no notification for them.
    await removeMemberOp.execute(world.members.owner, { workspaceId: ws, userId: target.id });
    writeNote(doc, a.id, "please check ", [
      { id: world.members.editor.id, label: editor.name },
      { id: outsider.id, label: outsider.name },
      { id: target.id, label: target.name },
    ]);
    await store(annotationsDocName(ws, paper.id), doc, [owner.id]);
    writeNote(doc, a.id, "please check again ", [{ id: world.members.editor.id, label: editor.name }]);
    await store(annotationsDocName(ws, paper.id), doc, [owner.id]);

    const talk = new Y.Doc();
    addReply(talk, { annotationId: a.id, body: `Agreed, @${world.members.commenter.name} what do you think?` }, { id: editor.id, name: editor.name }, new Date());
    await store(discussionDocName(ws, paper.id), talk, [editor.id]);

    const rows = await prisma.notification.findMany({ where: { workspaceId: ws }, orderBy: { createdAt: "asc" } });
    const got = rows.map((n) => [n.userId, n.kind]).sort();
    expect(got).toEqual([[commenter.id, "mention"], [editor.id, "mention"], [owner.id, "reply"]].sort());

    const inbox = await listInboxOp.execute(editor, {});
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "mention", workspaceId: ws, actor: { id: owner.id } });
    await markReadOp.execute(editor, { ids: [inbox.items[0]!.id] });
    expect((await listInboxOp.execute(editor, {})).unread).toBe(0);
    // Marking someone else's notification does nothing.
    const ownerInbox = await listInboxOp.execute(world.members.owner, {});
    await markReadOp.execute(editor, { ids: [ownerInbox.items[0]!.id] });
    expect((await listInboxOp.execute(world.members.owner, {})).unread).toBe(1);
    await markReadOp.execute(world.members.owner, { all: true });
    expect((await listInboxOp.execute(world.members.owner, {})).unread).toBe(0);
  });
});
