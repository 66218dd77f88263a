/**
 * Projection: what the Y.Docs hold reaches the relational tables in the store transaction,
 * invalid entries are flagged and never stored, and the projection can be rebuilt.
 */
import * as Y from "yjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  addReply,
  annotationsDocName,
  buildAnchor,
  createAnnotation,
  deleteAnnotation,
  discussionDocName,
  getNoteFragment,
  listAnnotations,
  metaDocName,
  updateAnnotation,
  upsertTheme,
  type AnnotationEntry,
} from "../../lib/collab/model";
import { rebuildProjection } from "../../lib/collab/server/rebuild-projection";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, startCollab, waitFor } from "./support/harness";

let server: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
let otherPaper: Awaited<ReturnType<typeof makeDocument>>;

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
  otherPaper = await makeDocument(world.workspace.id, world.members.owner.id, "まったく別の文書の本文。");
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

const now = new Date("2026-03-01T10:00:00.000Z");

describe("projection", () => {
  it("stores valid entries with notes and themes, flags invalid ones", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const editor = world.members.editor;
    const h = connect(server, name, editor.id);
    await h.ready;
    const actor = { id: editor.id, name: editor.name };
    const start = paper.text.indexOf("拡大抑止");
    const good = createAnnotation(h.doc, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 4), colour: "#ffcc00", themeIds: ["th1", "th2"], note: "核心部分" }, actor, now);
    const surrogate = paper.text.indexOf("𠮷");
    const astral = createAnnotation(h.doc, { anchor: buildAnchor(paper.text, paper.versionId, surrogate, surrogate + 4), colour: "#ffcc00" }, actor, now);
    const gone = createAnnotation(h.doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 2), colour: "#ffcc00" }, actor, now);
    deleteAnnotation(h.doc, gone.id, now);
    // What a hostile or buggy client can write around the library:
    const raw = h.doc.getMap("annotations");
    const valid = { ...good, id: "x", themeIds: [] };
    h.doc.transact(() => {
      raw.set("bad-range", { ...valid, id: "bad-range", anchor: { ...good.anchor, start: 5, end: paper.text.length + 10 } });
      raw.set("bad-quote", { ...valid, id: "bad-quote", anchor: { ...good.anchor, exact: "捏造された引用" } });
      raw.set("bad-schema", { id: "bad-schema", anchor: "somewhere", colour: "<script>" });
      raw.set("bad-version", { ...valid, id: "bad-version", anchor: buildAnchor(otherPaper.text, otherPaper.versionId, 0, 4) });
      raw.set("id-mismatch", { ...valid, id: "something-else" });
      h.doc.getMap("notes").set(good.id + "-orphan", new Y.XmlFragment());
    });
    // A note that is not a fragment no longer gets this far: the server refuses it before it is
    // applied (bound-documents.ts; tests/hostile/collab.test.ts). The projection still flags one
    // in states stored before that check existed.

    const rows = await waitFor(async () => {
      const r = await prisma.annotation.findMany({ where: { collabName: name }, include: { themes: true }, orderBy: { start: "asc" } });
      const flags = await prisma.projectionFlag.findMany({ where: { collabName: name } });
      return r.length === 2 && flags.length >= 5 ? { r, flags } : null;
    }, "projection with flags");

    expect(rows.r.map((a) => a.id).sort()).toEqual([good.id, astral.id].sort());
    const projected = rows.r.find((a) => a.id === good.id)!;
    expect(projected).toMatchObject({ exact: "拡大抑止", noteText: "核心部分", authorId: editor.id, status: "open", documentId: paper.id, versionId: paper.versionId });
    expect(projected.themes.map((t) => t.themeId).sort()).toEqual(["th1", "th2"]);
    expect(rows.r.find((a) => a.id === astral.id)!.exact).toBe(paper.text.slice(surrogate, surrogate + 4));
    const reasons = Object.fromEntries(rows.flags.map((f) => [f.entryId, f.reason]));
    expect(reasons).toMatchObject({
      "bad-range": "range_outside_text",
      "bad-quote": "quote_mismatch",
      "bad-schema": "schema",
      "bad-version": "unknown_version",
      "id-mismatch": "id_mismatch",
    });
    // The state itself is stored too, in the same transaction.
    const stored = await prisma.collabDocument.findUniqueOrThrow({ where: { name } });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.state);
    expect(listAnnotations(copy).map((a) => a.id).sort()).toEqual(listAnnotations(h.doc).map((a) => a.id).sort());
    expect(getNoteFragment(copy, good.id)).toBeDefined();
  });

  it("projects replies, themes and links", async () => {
    const editor = world.members.editor;
    const actor = { id: editor.id, name: editor.name };
    const disc = connect(server, discussionDocName(world.workspace.id, paper.id), world.members.commenter.id);
    const meta = connect(server, metaDocName(world.workspace.id), editor.id);
    await Promise.all([disc.ready, meta.ready]);
    const commenter = { id: world.members.commenter.id, name: world.members.commenter.name };
    const r1 = addReply(disc.doc, { annotationId: "a1", body: "根拠は？" }, commenter, now);
    addReply(disc.doc, { annotationId: "a1", parentId: r1.id, body: "第2節を参照" }, commenter, now);
    disc.doc.getMap("replies").set("huge", { ...r1, id: "huge", body: "x".repeat(10_000) });
    const theme = upsertTheme(meta.doc, { name: "指揮統制", colour: "#336699" }, now);
    // createLink would refuse this link; a client that skips the library (or an old one) can still write it.
    meta.doc.getMap("links").set("nowhere", { id: "nowhere", from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, kind: "contradicts", author: actor, createdAt: now.toISOString() });

    await waitFor(async () => (await prisma.reply.count({ where: { workspaceId: world.workspace.id } })) === 2, "two replies");
    // "a1" and "a2" are not annotations of this workspace: the link is flagged, never projected (issue #7).
    await waitFor(() => prisma.projectionFlag.findFirst({ where: { entryKind: "link", reason: "link_endpoint_missing" } }), "flag for the link to nowhere");
    expect(await prisma.link.count({ where: { workspaceId: world.workspace.id } })).toBe(0);
    expect(await prisma.theme.findMany({ where: { workspaceId: world.workspace.id } })).toMatchObject([{ id: theme.id, name: "指揮統制" }]);
    const flag = await waitFor(() => prisma.projectionFlag.findFirst({ where: { entryId: "huge" } }), "flag for the oversized reply");
    expect(flag.reason).toBe("schema");
    expect(await prisma.reply.findFirst({ where: { id: "huge" } })).toBeNull();
  });

  it("rewrites only the rows that changed (PostgreSQL's xmin of untouched rows stays)", async () => {
    const doc = await makeDocument(world.workspace.id, world.members.owner.id, "第一文。第二文。第三文。第四文。");
    const name = annotationsDocName(world.workspace.id, doc.id);
    const h = connect(server, name, world.members.editor.id);
    await h.ready;
    const actor = { id: world.members.editor.id, name: world.members.editor.name };
    const [a, b, c] = [0, 4, 8].map((s) => createAnnotation(h.doc, { anchor: buildAnchor(doc.text, doc.versionId, s, s + 3), colour: "#ffcc00", themeIds: ["t1"] }, actor, now)) as [AnnotationEntry, AnnotationEntry, AnnotationEntry];
    type Version = { id: string; xmin: string };
    const versions = async () =>
      new Map((await prisma.$queryRaw<Version[]>`SELECT id, xmin::text AS xmin FROM "Annotation" WHERE "collabName" = ${name}`).map((r) => [r.id, r.xmin]));
    const before = await waitFor(async () => ((await versions()).size === 3 ? versions() : null), "three rows");

    // One annotation changes colour, one is deleted, one is added: the third row stays as it was.
    updateAnnotation(h.doc, a.id, { colour: "#66ccff" }, new Date(now.getTime() + 1000));
    deleteAnnotation(h.doc, b.id, now);
    const d = createAnnotation(h.doc, { anchor: buildAnchor(doc.text, doc.versionId, 12, 15), colour: "#ffcc00" }, actor, now);
    const after = await waitFor(async () => {
      const v = await versions();
      return v.has(d.id) && !v.has(b.id) && v.get(a.id) !== before.get(a.id) ? v : null;
    }, "the changes projected");
    expect(after.get(c.id)).toBe(before.get(c.id));
    const rows = await prisma.annotation.findMany({ where: { collabName: name }, include: { themes: true } });
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ colour: "#66ccff" });
    // The recreated row keeps its themes, the untouched one too.
    expect(rows.find((r) => r.id === a.id)!.themes.map((t) => t.themeId)).toEqual(["t1"]);
    expect(rows.find((r) => r.id === c.id)!.themes.map((t) => t.themeId)).toEqual(["t1"]);
  });

  it("rebuilds the projection from the stored states", async () => {
    const before = await prisma.annotation.findMany({ where: { workspaceId: world.workspace.id }, orderBy: { id: "asc" } });
    const replies = await prisma.reply.count({ where: { workspaceId: world.workspace.id } });
    expect(before.length).toBeGreaterThan(0);
    await prisma.annotation.deleteMany({ where: { workspaceId: world.workspace.id } });
    await prisma.reply.deleteMany({ where: { workspaceId: world.workspace.id } });
    await prisma.annotation.create({ data: { ...before[0]!, id: "stale-row", collabName: before[0]!.collabName } });
    const summary = await rebuildProjection({ workspaceId: world.workspace.id });
    expect(summary.documents).toBeGreaterThanOrEqual(3);
    const after = await prisma.annotation.findMany({ where: { workspaceId: world.workspace.id }, orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(await prisma.reply.count({ where: { workspaceId: world.workspace.id } })).toBe(replies);
  });
});
