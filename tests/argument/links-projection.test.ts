/**
 * Links across documents (issue #7) through the real collab server and PostgreSQL: links reach
 * the Link table only while both ends exist in the workspace; deleting an annotation removes
 * its links from the projection in the same store (and undo brings them back); self-links,
 * duplicates and links to another workspace's annotations are flagged, never projected.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  addFreeNode,
  annotationsDocName,
  buildAnchor,
  createAnnotation,
  createLink,
  createUndoManager,
  deleteAnnotation,
  listArgumentLinks,
  metaDocName,
  removeFromMap,
  type AnnotationEntry,
} from "../../lib/collab/model";
import { catalogOf } from "../../lib/core/argument";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, startCollab, waitFor } from "../collab/support/harness";

let server: CollabServer;
let world: World;
let other: World;
const now = new Date("2026-03-01T10:00:00.000Z");

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  other = await makeWorld();
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

async function annotate(w: World, texts: string[]): Promise<{ doc: ReturnType<typeof connect>; annotation: AnnotationEntry; documentId: string }[]> {
  const editor = w.members.editor;
  const out = [];
  for (const text of texts) {
    const paper = await makeDocument(w.workspace.id, w.members.owner.id, text);
    const h = connect(server, annotationsDocName(w.workspace.id, paper.id), editor.id);
    await h.ready;
    const annotation = createAnnotation(h.doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 6), colour: "#ffcc00" }, { id: editor.id, name: editor.name }, now);
    out.push({ doc: h, annotation, documentId: paper.id });
  }
  for (const { annotation } of out) await waitFor(() => prisma.annotation.findFirst({ where: { id: annotation.id } }), `annotation ${annotation.id} projected`);
  return out;
}

const linkRows = (workspaceId: string) => prisma.link.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });

describe("links across documents", () => {
  it("projects links between passages of three papers, and follows an annotation's deletion and undo", async () => {
    const [a, b, c] = await annotate(world, ["日米同盟における拡大抑止の信頼性", "反撃能力の保有は抑止力を強化する", "指揮統制の調整が課題となる本文"]);
    const editor = world.members.editor;
    const actor = { id: editor.id, name: editor.name };
    const meta = connect(server, metaDocName(world.workspace.id), editor.id);
    await meta.ready;
    const catalog = catalogOf([a!.annotation.id, b!.annotation.id, c!.annotation.id], []);
    const end = (x: typeof a) => ({ kind: "annotation" as const, id: x!.annotation.id, documentId: x!.documentId });
    const l1 = createLink(meta.doc, { from: end(a), to: end(b), relation: "supports", note: "根拠" }, catalog, actor, now);
    const l2 = createLink(meta.doc, { from: end(b), to: end(c), relation: "opposes" }, catalog, actor, now);
    createLink(meta.doc, { from: end(c), to: end(a), relation: "responds_to" }, catalog, actor, now); // a cycle: allowed

    await waitFor(async () => (await linkRows(world.workspace.id)).length === 3, "three links projected");
    expect((await linkRows(world.workspace.id)).find((r) => r.id === l1.id)).toMatchObject({ kind: "supports", label: "根拠", fromId: a!.annotation.id, toId: b!.annotation.id });

    // Delete c's annotation in its own document: the two links touching it leave the projection.
    const undo = createUndoManager(c!.doc.doc, "annotations");
    deleteAnnotation(c!.doc.doc, c!.annotation.id, now);
    await waitFor(async () => (await linkRows(world.workspace.id)).map((r) => r.id).join() === l1.id, "only the link between live annotations remains");
    const flags = await prisma.projectionFlag.findMany({ where: { collabName: metaDocName(world.workspace.id), entryKind: "link" } });
    expect(flags.map((f) => f.reason)).toEqual(["link_endpoint_missing", "link_endpoint_missing"]);
    expect(flags.map((f) => f.entryId)).toContain(l2.id);

    undo.undo();
    await waitFor(async () => (await linkRows(world.workspace.id)).length === 3, "links back after undo");
  });

  it("flags self-links, duplicates and links to another workspace's annotation written around the library", async () => {
    const [mine] = await annotate(world, ["同盟調整メカニズムの常設化を求める"]);
    const [theirs] = await annotate(other, ["別のワークスペースの文書の本文です"]);
    const editor = world.members.editor;
    const meta = connect(server, metaDocName(world.workspace.id), editor.id);
    await meta.ready;
    const before = (await linkRows(world.workspace.id)).length;
    const base = { author: { id: editor.id, name: editor.name }, createdAt: now.toISOString(), kind: "cites" };
    const from = { kind: "annotation", id: mine!.annotation.id };
    const links = meta.doc.getMap("links");
    meta.doc.transact(() => {
      links.set("self", { ...base, id: "self", from, to: from });
      links.set("cross", { ...base, id: "cross", from, to: { kind: "annotation", id: theirs!.annotation.id } });
      links.set("bogus", { ...base, id: "bogus", from, to: from, kind: "loves" });
    });
    const claim = addFreeNode(meta.doc, { kind: "claim", text: "常設化が必要", position: { x: 0, y: 0 } }, { id: editor.id, name: editor.name }, now);
    meta.doc.transact(() => {
      links.set("dup1", { ...base, id: "dup1", from, to: { kind: "node", id: claim.id } });
      links.set("dup2", { ...base, id: "dup2", from, to: { kind: "node", id: claim.id }, createdAt: "2026-03-02T00:00:00.000Z" });
    });
    const reasons = async () => Object.fromEntries((await prisma.projectionFlag.findMany({ where: { collabName: metaDocName(world.workspace.id), entryKind: "link" } })).map((f) => [f.entryId, f.reason]));
    await waitFor(async () => (await reasons()).dup2 === "link_duplicate", "duplicate flagged");
    expect(await reasons()).toMatchObject({ self: "link_to_itself", cross: "link_endpoint_missing", bogus: "schema", dup2: "link_duplicate" });
    const ids = (await linkRows(world.workspace.id)).map((r) => r.id);
    expect(ids).toContain("dup1");
    expect(ids).not.toContain("cross");
    expect(ids).toHaveLength(before + 1);
    expect(await prisma.link.count({ where: { workspaceId: other.workspace.id } })).toBe(0);

    // Removing the claim from the map takes its links with it.
    removeFromMap(meta.doc, claim.id);
    expect(listArgumentLinks(meta.doc).some((l) => l.id === "dup1")).toBe(false);
    await waitFor(async () => !(await linkRows(world.workspace.id)).some((r) => r.id === "dup1"), "claim's link gone");
  });
});
