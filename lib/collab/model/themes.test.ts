import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  allThemes,
  buildAnchor,
  createAnnotation,
  createUndoManager,
  deleteAnnotation,
  deleteTheme,
  listAnnotations,
  listThemes,
  mergeThemes,
  moveTheme,
  restoreTheme,
  retagAnnotations,
  tagAnnotations,
  themeUsage,
  toggleTheme,
  upsertTheme,
} from "./index";

const t0 = new Date("2026-01-01T00:00:00Z");
const alice = { id: "alice", name: "Alice" };
const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("themes", () => {
  it("refuses duplicate (case/width-insensitive), empty and overlong names", () => {
    const doc = new Y.Doc();
    const acm = upsertTheme(doc, { name: "  ACM ", colour: "#aa0000" }, t0);
    expect(acm.name).toBe("ACM");
    expect(() => upsertTheme(doc, { name: "ａｃｍ", colour: "#aa0000" }, t0)).toThrow(/theme_name_taken/);
    expect(() => upsertTheme(doc, { name: "\u3000", colour: "#aa0000" }, t0)).toThrow(/theme_name_empty/);
    expect(() => upsertTheme(doc, { name: "あ".repeat(81), colour: "#aa0000" }, t0)).toThrow(/theme_name_too_long/);
    expect(() => upsertTheme(doc, { name: "ok", colour: "red" }, t0)).toThrow(/invalid_colour/);
    // renaming to its own name in another width is fine
    expect(upsertTheme(doc, { id: acm.id, name: "ＡＣＭ", colour: "#00aa00" }, t0).name).toBe("ＡＣＭ");
    expect(listThemes(doc)).toHaveLength(1);
  });

  it("nests, orders and refuses cycles and unknown parents", () => {
    const doc = new Y.Doc();
    const a = upsertTheme(doc, { name: "抑止", colour: "#aa0000" }, t0);
    const b = upsertTheme(doc, { name: "拡大抑止", colour: "#aa0000", parentId: a.id }, t0);
    const c = upsertTheme(doc, { name: "核", colour: "#aa0000", parentId: b.id }, t0);
    expect(b.order).toBe(0);
    expect(upsertTheme(doc, { name: "反撃能力", colour: "#aa0000" }, t0).order).toBe(1);
    expect(() => moveTheme(doc, a.id, { parentId: c.id }, t0)).toThrow(/theme_cycle/);
    expect(() => moveTheme(doc, a.id, { parentId: a.id }, t0)).toThrow(/theme_cycle/);
    expect(() => upsertTheme(doc, { name: "x", colour: "#aa0000", parentId: "missing" }, t0)).toThrow(/theme_parent_not_found/);
    moveTheme(doc, c.id, { parentId: null, order: -1 }, t0);
    expect(listThemes(doc).find((t) => t.id === c.id)).toMatchObject({ order: -1 });
    expect(listThemes(doc).find((t) => t.id === c.id)?.parentId).toBeUndefined();
    // a rename keeps the parent
    upsertTheme(doc, { id: b.id, name: "拡大抑止（核）", colour: "#aa0000" }, t0);
    expect(listThemes(doc).find((t) => t.id === b.id)?.parentId).toBe(a.id);
  });

  it("deletes with children moving up, and restores (undo) both", () => {
    const doc = new Y.Doc();
    const a = upsertTheme(doc, { name: "A", colour: "#aa0000" }, t0);
    const b = upsertTheme(doc, { name: "B", colour: "#aa0000", parentId: a.id }, t0);
    const deleted = deleteTheme(doc, a.id, t0);
    expect(deleted.childIds).toEqual([b.id]);
    expect(listThemes(doc).map((t) => t.id)).toEqual([b.id]);
    expect(listThemes(doc)[0]!.parentId).toBeUndefined();
    expect(() => deleteTheme(doc, a.id, t0)).toThrow(/theme_not_found/);
    expect(() => upsertTheme(doc, { id: a.id, name: "A", colour: "#aa0000" }, t0)).toThrow(/theme_not_found/);
    restoreTheme(doc, deleted, t0);
    expect(listThemes(doc).find((t) => t.id === b.id)?.parentId).toBe(a.id);
    // a name taken meanwhile blocks the restore
    const d2 = deleteTheme(doc, b.id, t0);
    upsertTheme(doc, { name: "ｂ", colour: "#aa0000" }, t0);
    expect(() => restoreTheme(doc, d2, t0)).toThrow(/theme_name_taken/);
  });

  it("merges: the source is an alias of the target, its children move, no cycle when the target was below", () => {
    const doc = new Y.Doc();
    const a = upsertTheme(doc, { name: "A", colour: "#aa0000" }, t0);
    const b = upsertTheme(doc, { name: "B", colour: "#aa0000", parentId: a.id }, t0);
    const c = upsertTheme(doc, { name: "C", colour: "#aa0000", parentId: a.id }, t0);
    mergeThemes(doc, a.id, b.id, t0);
    const live = listThemes(doc);
    expect(live.map((t) => t.id).sort()).toEqual([b.id, c.id].sort());
    expect(live.find((t) => t.id === b.id)?.parentId).toBeUndefined();
    expect(live.find((t) => t.id === c.id)?.parentId).toBe(b.id);
    expect(allThemes(doc).find((t) => t.id === a.id)).toMatchObject({ deleted: true, mergedInto: b.id });
    expect(() => mergeThemes(doc, b.id, b.id, t0)).toThrow(/theme_merge_into_itself/);
    expect(() => mergeThemes(doc, a.id, b.id, t0)).toThrow(/theme_not_found/);
  });

  it("undo of the local user's delete never reverts another user's rename", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const a = upsertTheme(mine, { name: "A", colour: "#aa0000" }, t0);
    sync(mine, theirs);
    const undo = createUndoManager(mine, "meta", 0);
    deleteTheme(mine, a.id, t0);
    sync(mine, theirs);
    undo.undo();
    sync(mine, theirs);
    expect(listThemes(theirs).map((t) => t.name)).toEqual(["A"]);
  });
});

describe("tagging", () => {
  function world() {
    const meta = new Y.Doc();
    const doc = new Y.Doc();
    const t1 = upsertTheme(meta, { name: "拡大抑止", colour: "#aa0000" }, t0);
    const t2 = upsertTheme(meta, { name: "反撃能力", colour: "#00aa00" }, t0);
    const a1 = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 0, 4), colour: "#ffcc00" }, alice, t0);
    const a2 = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00", themeIds: [t2.id] }, alice, t0);
    return { meta, doc, t1, t2, a1, a2 };
  }

  it("tags several annotations at once and toggles", () => {
    const { meta, doc, t1, t2, a1, a2 } = world();
    tagAnnotations(doc, [a1.id, a2.id], { add: [t1.id] }, listThemes(meta), t0);
    const byId = new Map(listAnnotations(doc).map((a) => [a.id, a.themeIds]));
    expect(byId.get(a1.id)).toEqual([t1.id]);
    expect(byId.get(a2.id)).toEqual([t2.id, t1.id]);
    expect(toggleTheme(doc, [a1.id, a2.id], t1.id, listThemes(meta), t0).added).toBe(false);
    expect(toggleTheme(doc, [a1.id, a2.id], t2.id, listThemes(meta), t0).added).toBe(true);
    expect(themeUsage(doc).get(t2.id)).toBe(2);
  });

  it("refuses deleted themes and deleted annotations, all or nothing", () => {
    const { meta, doc, t1, a1, a2 } = world();
    deleteTheme(meta, t1.id, t0);
    expect(() => tagAnnotations(doc, [a1.id], { add: [t1.id] }, listThemes(meta), t0)).toThrow(/theme_not_found/);
    deleteAnnotation(doc, a2.id, t0);
    const t3 = upsertTheme(meta, { name: "指揮統制", colour: "#0000aa" }, t0);
    expect(() => tagAnnotations(doc, [a1.id, a2.id], { add: [t3.id] }, listThemes(meta), t0)).toThrow(/annotation_not_found/);
    expect(listAnnotations(doc).find((a) => a.id === a1.id)!.themeIds).toEqual([]);
  });

  it("retags for a merge, deleted annotations too, idempotently", () => {
    const { doc, t1, t2, a1, a2 } = world();
    tagAnnotations(doc, [a1.id, a2.id], { add: [t1.id] }, [t1], t0);
    deleteAnnotation(doc, a1.id, t0);
    expect(retagAnnotations(doc, t1.id, t2.id, t0)).toBe(1);
    expect(retagAnnotations(doc, t1.id, t2.id, t0)).toBe(0);
    expect(listAnnotations(doc, { includeDeleted: true }).map((a) => a.themeIds)).toEqual([[t2.id], [t2.id]]);
  });
});
