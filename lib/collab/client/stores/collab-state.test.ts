/**
 * The compare view's state over real Y.Docs, without a browser: the incremental annotation
 * store (placement, deletes seen by an open card, other versions) and undo across the two docs
 * of a pane in the order the user acted.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addReply, buildAnchor, createAnnotation, createUndoManager, deleteAnnotation, listReplies } from "@/lib/collab/model";
import { AnnotationStore } from "./annotation-store";
import { LocalUndo } from "./local-undo";

const text = "前文。日米同盟の拡大抑止について。反撃能力の議論。拡大抑止の信頼性。";
const me = { id: "u1", name: "Aoi" };

/** Two docs kept in sync by hand: "remote" edits arrive as updates with another origin, as from a provider. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(b, u, "sync"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "sync" && Y.applyUpdate(a, u, "sync"));
  return { a, b };
}

describe("the annotation store", () => {
  it("follows remote changes entry by entry and remembers what was deleted", () => {
    const { a, b } = pair();
    const store = new AnnotationStore(b, text, "v1", ["v1", "v0"]);
    store.start();
    const x = createAnnotation(a, { anchor: buildAnchor(text, "v1", 3, 7), colour: "#f5c518" }, me, new Date());
    const y = createAnnotation(a, { anchor: buildAnchor(text, "v1", 0, 2), colour: "#3b82d6" }, me, new Date());
    expect(store.list().map((i) => i.id)).toEqual([y.id, x.id]);
    expect(store.get(x.id)?.placement).toEqual({ status: "exact", start: 3, end: 7 });
    deleteAnnotation(a, x.id, new Date());
    expect(store.get(x.id)).toBeUndefined();
    expect(store.lastKnown(x.id)?.entry.anchor.exact).toBe("日米同盟");
    // Two deletes of the same annotation at once: the second finds it gone and says so.
    expect(() => deleteAnnotation(b, x.id, new Date())).toThrow();
  });

  it("places annotations of other versions by their quote, and notices an unknown (newer) version", () => {
    const doc = new Y.Doc();
    const older = "はじめに。" + text;
    createAnnotation(doc, { anchor: buildAnchor(older, "v0", 5 + 3, 5 + 7), colour: "#f5c518" }, me, new Date());
    const store = new AnnotationStore(doc, text, "v1", ["v1", "v0"]);
    store.start();
    expect(store.list()[0]!.placement).toEqual({ status: "moved", start: 3, end: 7 });
    expect(store.otherVersions).toBe(1);
    expect(store.newerVersion).toBe(false);
    createAnnotation(doc, { anchor: { ...buildAnchor(text, "v2", 0, 2), exact: "消えた" }, colour: "#f5c518" }, me, new Date());
    expect(store.newerVersion).toBe(true);
    expect(store.list().at(-1)!.placement.status).toBe("orphan");
  });
});

describe("local undo across a pane's docs", () => {
  it("undoes the user's changes newest first, across annotations and replies, never another user's", () => {
    const ann = new Y.Doc();
    const disc = new Y.Doc();
    const undo = new LocalUndo([createUndoManager(ann, "annotations", 0), createUndoManager(disc, "discussion", 0)]);
    const a = createAnnotation(ann, { anchor: buildAnchor(text, "v1", 3, 7), colour: "#f5c518" }, me, new Date());
    addReply(disc, { annotationId: a.id, body: "出典は？" }, me, new Date());
    // Someone else's annotation, arriving from the network.
    const other = new Y.Doc();
    createAnnotation(other, { anchor: buildAnchor(text, "v1", 0, 2), colour: "#3b82d6" }, { id: "u2", name: "Ken" }, new Date());
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(other), "provider");
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(listReplies(disc, a.id)).toHaveLength(0);
    undo.undo();
    const s = new AnnotationStore(ann, text, "v1");
    s.start();
    expect(s.list().map((i) => i.authorName)).toEqual(["Ken"]);
    undo.redo();
    const s2 = new AnnotationStore(ann, text, "v1");
    s2.start();
    expect(s2.list()).toHaveLength(2);
    undo.destroy();
  });
});
