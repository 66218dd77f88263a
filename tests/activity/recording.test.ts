/**
 * Activity recorded by the projection: every kind once, a flood of note edits coalesced, no
 * doubles when the same state is projected again (re-projection, a second collab instance).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { annotationsDocName, buildAnchor, createAnnotation, deleteAnnotation, discussionDocName, metaDocName, setStatus, addReply, updateAnnotation, addFreeNode, createLink, removeLink } from "../../lib/collab/model";
import { catalogOf } from "../../lib/core/argument/validate-link";
import { reprojectDocument } from "../../lib/collab/server/persistence/project-current";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld } from "../support/factories";
import { makeDocument } from "../collab/support/harness";
import { store, writeNote } from "./support";

async function kinds(workspaceId: string): Promise<Record<string, number>> {
  const rows = await prisma.activityEvent.groupBy({ by: ["kind"], where: { workspaceId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count]));
}

describe("activity from the projection", () => {
  it("records each kind once, with actor, document and passage", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const owner = { id: world.members.owner.id, name: world.members.owner.name };
    const editor = world.members.editor;
    const paper = await makeDocument(ws, owner.id);
    const name = annotationsDocName(ws, paper.id);
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 8), colour: "#3366ff" }, owner, new Date());
    const b = createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, 10, 20), colour: "#3366ff" }, owner, new Date());
    await store(name, doc, [owner.id]);
    writeNote(doc, a.id, "first thoughts");
    await store(name, doc, [owner.id]);
    setStatus(doc, a.id, "resolved", new Date());
    updateAnnotation(doc, a.id, { themeIds: ["t1"] }, new Date());
    await store(name, doc, [editor.id]);
    updateAnnotation(doc, a.id, { themeIds: [] }, new Date());
    await store(name, doc, [editor.id]);
    deleteAnnotation(doc, b.id, new Date());
    await store(name, doc, [owner.id]);

    const talk = new Y.Doc();
    addReply(talk, { annotationId: a.id, body: "I disagree" }, { id: editor.id, name: editor.name }, new Date());
    await store(discussionDocName(ws, paper.id), talk, [editor.id]);

    const meta = new Y.Doc();
    const node = addFreeNode(meta, { kind: "claim", text: "Deterrence holds", position: { x: 0, y: 0 } }, owner, new Date());
    const link = createLink(meta, { from: { kind: "annotation", id: a.id }, to: { kind: "node", id: node.id }, relation: "supports" }, catalogOf([a.id], [node.id]), owner, new Date());
    await store(metaDocName(ws), meta, [owner.id]);
    removeLink(meta, link.id);
    await store(metaDocName(ws), meta, [owner.id]);

    expect(await kinds(ws)).toMatchObject({
      "workspace.create": 1, "document.create": 1, "annotation.create": 2, "note.edit": 1, "status.change": 1,
      "theme.tag": 1, "theme.untag": 1, "annotation.delete": 1, "reply.create": 1, "node.add": 1, "link.create": 1, "link.remove": 1,
    });
    const status = await prisma.activityEvent.findFirstOrThrow({ where: { workspaceId: ws, kind: "status.change" } });
    expect(status).toMatchObject({ actorId: editor.id, documentId: paper.id, annotationId: a.id, data: { quote: a.anchor.exact, from: "open", to: "resolved" } });
    const created = await prisma.activityEvent.findFirstOrThrow({ where: { workspaceId: ws, kind: "annotation.create", annotationId: a.id } });
    expect(created.actorId).toBe(owner.id);
  });

  it("coalesces a flood of note edits into one event per person and burst", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const owner = { id: world.members.owner.id, name: world.members.owner.name };
    const paper = await makeDocument(ws, owner.id);
    const name = annotationsDocName(ws, paper.id);
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 8), colour: "#3366ff" }, owner, new Date());
    await store(name, doc, [owner.id]);
    for (let i = 1; i <= 60; i++) {
      writeNote(doc, a.id, "x".repeat(i));
      await store(name, doc, [owner.id]);
    }
    writeNote(doc, a.id, "the editor's take");
    await store(name, doc, [world.members.editor.id]);
    const edits = await prisma.activityEvent.findMany({ where: { workspaceId: ws, kind: "note.edit" }, orderBy: { id: "asc" } });
    expect(edits.map((e) => [e.actorId, e.count])).toEqual([[owner.id, 60], [world.members.editor.id, 1]]);
    expect(edits[0]!.data).toMatchObject({ note: "x".repeat(60) });
  });

  it("records nothing twice: re-projection, a forced store and a second instance see no new change", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const owner = { id: world.members.owner.id, name: world.members.owner.name };
    const paper = await makeDocument(ws, owner.id);
    const name = annotationsDocName(ws, paper.id);
    const doc = new Y.Doc();
    createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 8), colour: "#3366ff", note: "hello" }, owner, new Date());
    const meta = new Y.Doc();
    addFreeNode(meta, { kind: "question", text: "Why?", position: { x: 0, y: 0 } }, owner, new Date());
    await store(name, doc, [owner.id]);
    await store(metaDocName(ws), meta, [owner.id]);
    const before = await prisma.activityEvent.count({ where: { workspaceId: ws } });
    await reprojectDocument(name);
    await reprojectDocument(metaDocName(ws));
    await store(name, doc, [owner.id], true);
    await store(metaDocName(ws), meta, [owner.id], true);
    // A second instance's copy of the same state (another Y.Doc with the same content).
    const twin = new Y.Doc();
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(doc));
    await store(name, twin, [owner.id], true);
    // Wiping the projection rows and projecting again: the creations come back under their keys.
    await prisma.annotation.deleteMany({ where: { collabName: name } });
    await reprojectDocument(name);
    expect(await prisma.activityEvent.count({ where: { workspaceId: ws } })).toBe(before);
  });
});
