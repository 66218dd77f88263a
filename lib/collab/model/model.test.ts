import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { catalogOf } from "../../core/argument";
import {
  addFreeNode,
  addReply,
  buildAnchor,
  createAnnotation,
  createLink,
  createUndoManager,
  deleteAnnotation,
  deleteReply,
  editReply,
  getNoteFragment,
  listArgumentLinks,
  listAnnotations,
  listReplies,
  listThemes,
  noteText,
  readPositions,
  setPositions,
  setStatus,
  updateAnnotation,
  upsertTheme,
} from "./index";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const alice = { id: "alice", name: "Alice" };
const bob = { id: "bob", name: "Bob" };
const t0 = new Date("2026-01-01T00:00:00Z");
const t1 = new Date("2026-01-01T00:01:00Z");

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("annotations", () => {
  it("creates an entry and its note in one transaction", () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const a = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00", note: "重要\n二行目" }, alice, t0);
    expect(transactions).toBe(1);
    expect(a).toMatchObject({ status: "open", author: alice, themeIds: [], createdAt: t0.toISOString() });
    expect(noteText(getNoteFragment(doc, a.id))).toBe("重要\n二行目");
  });

  it("updates, resolves and soft-deletes", () => {
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, alice, t0);
    updateAnnotation(doc, a.id, { colour: "#00ccff", themeIds: ["t1", "t1", "t2"] }, t1);
    setStatus(doc, a.id, "resolved", t1);
    expect(listAnnotations(doc)[0]).toMatchObject({ colour: "#00ccff", themeIds: ["t1", "t2"], status: "resolved", updatedAt: t1.toISOString() });
    deleteAnnotation(doc, a.id, t1);
    expect(listAnnotations(doc)).toEqual([]);
    expect(listAnnotations(doc, { includeDeleted: true })).toHaveLength(1);
    expect(() => setStatus(doc, a.id, "open", t1)).toThrow(/annotation_not_found/);
  });

  it("refuses invalid input", () => {
    const doc = new Y.Doc();
    expect(() => createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "red" }, alice, t0)).toThrow(/invalid_colour/);
    expect(() => createAnnotation(doc, { anchor: { ...buildAnchor(text, "v1", 8, 12), prefix: "x".repeat(40) }, colour: "#000000" }, alice, t0)).toThrow();
    expect(listAnnotations(doc)).toEqual([]);
  });

  it("merges two users' annotations and ignores garbage entries", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createAnnotation(a, { anchor: buildAnchor(text, "v1", 0, 4), colour: "#ffcc00" }, alice, t0);
    createAnnotation(b, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, bob, t1);
    b.getMap("annotations").set("junk", { hello: "world" });
    sync(a, b);
    expect(listAnnotations(a).map((x) => x.author.id)).toEqual(["alice", "bob"]);
    expect(listAnnotations(b)).toHaveLength(2);
  });
});

describe("undo", () => {
  it("undoes the local user's edits and never a remote user's", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const undo = createUndoManager(a, "annotations");
    const mine = createAnnotation(a, { anchor: buildAnchor(text, "v1", 0, 4), colour: "#ffcc00" }, alice, t0);
    createAnnotation(b, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, bob, t0);
    sync(a, b);
    undo.stopCapturing();
    deleteAnnotation(a, mine.id, t1);
    undo.undo();
    expect(listAnnotations(a).map((x) => x.author.id).sort()).toEqual(["alice", "bob"]);
    undo.undo();
    expect(listAnnotations(a).map((x) => x.author.id)).toEqual(["bob"]);
    expect(getNoteFragment(a, mine.id)).toBeUndefined();
    undo.redo();
    expect(listAnnotations(a)).toHaveLength(2);
    expect(getNoteFragment(a, mine.id)).toBeDefined();
  });
});

describe("replies", () => {
  it("threads replies and lets only the author edit or delete", () => {
    const doc = new Y.Doc();
    const r = addReply(doc, { annotationId: "a1", body: "  なぜ？ " }, bob, t0);
    const child = addReply(doc, { annotationId: "a1", parentId: r.id, body: "理由は…" }, alice, t1);
    expect(r.body).toBe("なぜ？");
    expect(listReplies(doc, "a1").map((x) => x.id)).toEqual([r.id, child.id]);
    expect(() => editReply(doc, r.id, "改", alice, t1)).toThrow(/not_reply_author/);
    expect(editReply(doc, r.id, "改", bob, t1).editedAt).toBe(t1.toISOString());
    deleteReply(doc, r.id, bob, t1);
    expect(listReplies(doc, "a1").map((x) => x.id)).toEqual([child.id]);
    expect(() => addReply(doc, { annotationId: "a1", body: "x".repeat(4001) }, bob, t0)).toThrow(/reply_too_long/);
    expect(() => addReply(doc, { annotationId: "a1", parentId: "nope", body: "x" }, bob, t0)).toThrow(/reply_not_found/);
  });
});

describe("workspace document", () => {
  it("holds themes, links, nodes and positions", () => {
    const doc = new Y.Doc();
    const theme = upsertTheme(doc, { name: "拡大抑止", colour: "#aa0000" }, t0);
    upsertTheme(doc, { id: theme.id, name: "拡大抑止（核）", colour: "#aa0000" }, t1);
    expect(listThemes(doc)).toMatchObject([{ name: "拡大抑止（核）", createdAt: t0.toISOString() }]);
    const catalog = catalogOf(["a1", "a2"], []);
    createLink(doc, { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, relation: "supports" }, catalog, alice, t0);
    expect(listArgumentLinks(doc)).toHaveLength(1);
    expect(() => createLink(doc, { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a1" }, relation: "supports" }, catalog, alice, t0)).toThrow(/link_to_itself/);
    const node = addFreeNode(doc, { kind: "claim", text: "同盟調整メカニズム", position: { x: 1, y: 2 } }, alice, t0);
    setPositions(doc, { [node.id]: { x: 10, y: 20 } });
    expect(readPositions(doc)[node.id]).toEqual({ x: 10, y: 20 });
    expect(() => setPositions(doc, { [node.id]: { x: Number.NaN, y: 0 } })).toThrow();
  });
});
