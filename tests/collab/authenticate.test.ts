import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, createAnnotation, discussionDocName, metaDocName, addReply, upsertTheme, listAnnotations } from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { ROLES, type Role } from "../../lib/core/roles";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, outcomeOf, startCollab, token, waitFor } from "./support/harness";

let server: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
});
afterEach(() => disconnectAll());
afterAll(async () => {
  await server.destroy();
});

const EXPECTED: Record<Role, { annotations: "rw" | "ro"; discussion: "rw" | "ro"; meta: "rw" | "ro" }> = {
  owner: { annotations: "rw", discussion: "rw", meta: "rw" },
  editor: { annotations: "rw", discussion: "rw", meta: "rw" },
  commenter: { annotations: "ro", discussion: "rw", meta: "ro" },
  viewer: { annotations: "ro", discussion: "ro", meta: "ro" },
};

describe("roles", () => {
  for (const role of ROLES) {
    it(`${role}: access per document kind`, async () => {
      const user = world.members[role];
      const names = {
        annotations: annotationsDocName(world.workspace.id, paper.id),
        discussion: discussionDocName(world.workspace.id, paper.id),
        meta: metaDocName(world.workspace.id),
      };
      for (const kind of ["annotations", "discussion", "meta"] as const) {
        const h = connect(server, names[kind], user.id);
        expect(await outcomeOf(h)).toBe("ok");
        expect(h.readOnly() ? "ro" : "rw", `${role} on ${kind}`).toBe(EXPECTED[role][kind]);
      }
    });
  }

  it("a read-only connection's writes reach neither the server nor other clients", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const viewer = connect(server, name, world.members.viewer.id);
    const editor = connect(server, name, world.members.editor.id);
    await Promise.all([viewer.ready, editor.ready]);
    createAnnotation(viewer.doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 4), colour: "#ff0000" }, { id: world.members.viewer.id, name: "v" }, new Date());
    const own = createAnnotation(editor.doc, { anchor: buildAnchor(paper.text, paper.versionId, 4, 8), colour: "#ff0000" }, { id: world.members.editor.id, name: "e" }, new Date());
    // The editor's annotation arrives at the viewer; the viewer's never arrives at the editor.
    await waitFor(() => listAnnotations(viewer.doc).some((a) => a.id === own.id), "editor annotation at viewer");
    await waitFor(() => editor.settled(), "editor settled");
    const third = connect(server, name, world.members.owner.id);
    await third.ready;
    expect(listAnnotations(third.doc).map((a) => a.author.id)).toEqual([world.members.editor.id]);
  });

  it("a commenter replies but cannot annotate", async () => {
    const commenter = world.members.commenter;
    const disc = connect(server, discussionDocName(world.workspace.id, paper.id), commenter.id);
    const owner = connect(server, discussionDocName(world.workspace.id, paper.id), world.members.owner.id);
    await Promise.all([disc.ready, owner.ready]);
    const r = addReply(disc.doc, { annotationId: "some-annotation", body: "賛成です" }, { id: commenter.id, name: commenter.name }, new Date());
    await waitFor(() => owner.doc.getMap("replies").has(r.id), "reply at owner");
    const meta = connect(server, metaDocName(world.workspace.id), commenter.id);
    await meta.ready;
    expect(meta.readOnly()).toBe(true);
    upsertTheme(meta.doc, { name: "勝手なテーマ", colour: "#123456" }, new Date());
    const check = connect(server, metaDocName(world.workspace.id), world.members.editor.id);
    await check.ready;
    expect(check.doc.getMap("themes").size).toBe(0);
  });
});

describe("refusals", () => {
  it("refuses outsiders, forged names, other workspaces' documents, bad and expired tokens", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const other = await makeWorld();
    const cases: [string, ReturnType<typeof connect>][] = [
      ["outsider", connect(server, name, world.outsider.id)],
      ["forged name", connect(server, `ws:${world.workspace.id}:doc:${paper.id}:evil`, world.members.owner.id)],
      ["path traversal", connect(server, `ws:${world.workspace.id}/../x:meta`, world.members.owner.id)],
      ["document of another workspace", connect(server, annotationsDocName(other.workspace.id, paper.id), other.members.owner.id)],
      ["unknown document", connect(server, annotationsDocName(world.workspace.id, "nope"), world.members.owner.id)],
      ["wrong secret", connect(server, name, world.members.owner.id, { tokenValue: await token(world.members.owner.id, "browser", { secret: "another-secret-of-enough-length" }) })],
      ["expired", connect(server, name, world.members.owner.id, { tokenValue: await token(world.members.owner.id, "browser", { now: new Date(Date.now() - 3_600_000) }) })],
      ["tampered", connect(server, name, world.members.owner.id, { tokenValue: tamper(await token(world.members.owner.id)) })],
      ["garbage", connect(server, name, world.members.owner.id, { tokenValue: "not-a-jwt" })],
    ];
    for (const [label, handle] of cases) {
      expect(await outcomeOf(handle), label).not.toBe("ok");
    }
  });
});

/** Swaps the subject of a signed token without re-signing it. */
function tamper(jwt: string): string {
  const [h, p, s] = jwt.split(".");
  const payload = JSON.parse(Buffer.from(p ?? "", "base64url").toString()) as Record<string, unknown>;
  payload.sub = "someone-else";
  return [h, Buffer.from(JSON.stringify(payload)).toString("base64url"), s].join(".");
}
