import { describe, expect, it } from "vitest";
import { buildAnchor } from "../collab/anchor";
import {
  addPane,
  authorsOf,
  checkSelection,
  closePane,
  compareItems,
  filterItems,
  firstAtOrAfter,
  initials,
  movePane,
  overlapSpans,
  parseViewState,
  placeAnchor,
  presenceColour,
  serialiseViewState,
  spansAt,
  type ListItem,
} from "./index";

describe("view state in the URL", () => {
  it("round-trips documents, positions, focus and sync", () => {
    const state = { documents: ["a1", "b2", "c3"], positions: [0, 1200, 45], focus: "ann-1", sync: true };
    const qs = serialiseViewState(state);
    expect(qs).toBe("d=a1,b2,c3&at=0,1200,45&focus=ann-1&sync=1");
    const { dropped, ...back } = parseViewState(new URLSearchParams(qs));
    expect(back).toEqual(state);
    expect(dropped).toBe(0);
  });
  it("accepts repeated d= from a plain form, drops duplicates, junk and a fifth pane", () => {
    const p = parseViewState({ d: ["a", "b", "a", "c,<x>", "d", "e"], at: "12,x,-3", focus: "bad id" });
    expect(p.documents).toEqual(["a", "b", "c", "d"]);
    expect(p.dropped).toBe(2);
    expect(p.positions).toEqual([12, 0, 0, 0]);
    expect(p.focus).toBeNull();
    expect(p.sync).toBe(false);
  });
  it("leaves out empty parts", () => {
    expect(serialiseViewState({ documents: ["a"], positions: [0], focus: null, sync: false })).toBe("d=a");
    expect(serialiseViewState({ documents: [], positions: [], focus: null, sync: false })).toBe("");
  });
  it("moves, closes and adds panes with their positions", () => {
    const s = { documents: ["a", "b", "c"], positions: [1, 2, 3], focus: null, sync: false };
    expect(movePane(s, 0, 2)).toMatchObject({ documents: ["b", "c", "a"], positions: [2, 3, 1] });
    expect(movePane(s, 0, 5)).toBe(s);
    expect(closePane(s, 1)).toMatchObject({ documents: ["a", "c"], positions: [1, 3] });
    expect(addPane(s, "d")).toMatchObject({ documents: ["a", "b", "c", "d"], positions: [1, 2, 3, 0] });
    expect(addPane(s, "a")).toBe(s);
    expect(addPane(addPane(s, "d"), "e").documents).toHaveLength(4);
  });
});

describe("overlapping highlights", () => {
  it("finds stretches covered twice or more, merging equal depths", () => {
    expect(overlapSpans([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 7, end: 9 }])).toEqual([
      { start: 5, end: 7, depth: 2 },
      { start: 7, end: 9, depth: 3 },
      { start: 9, end: 10, depth: 2 },
    ]);
  });
  it("treats touching spans as not overlapping and ignores empty ones", () => {
    expect(overlapSpans([{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 3, end: 3 }])).toEqual([]);
  });
  it("handles thousands of spans quickly", () => {
    const spans = Array.from({ length: 5000 }, (_, i) => ({ start: i * 7, end: i * 7 + 20 }));
    const t0 = performance.now();
    const out = overlapSpans(spans);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(out.length).toBeGreaterThan(0);
  });
  it("picks the innermost span under a click", () => {
    const spans = [{ id: "outer", start: 0, end: 100 }, { id: "inner", start: 10, end: 20 }];
    expect(spansAt(spans, 15).map((s) => s.id)).toEqual(["inner", "outer"]);
    expect(spansAt(spans, 20).map((s) => s.id)).toEqual(["outer"]);
  });
});

describe("selections", () => {
  const text = "  日米同盟の　拡大抑止。\n\n𠮷野家 ";
  it("trims spaces (ideographic too) at both ends", () => {
    expect(checkSelection(text, 0, 14)).toEqual({ ok: true, start: 2, end: 13 });
  });
  it("refuses empty and whitespace-only selections", () => {
    expect(checkSelection(text, 4, 4)).toEqual({ ok: false, problem: "empty" });
    expect(checkSelection(text, 13, 15)).toEqual({ ok: false, problem: "whitespace_only" });
  });
  it("never cuts a surrogate pair", () => {
    const at = text.indexOf("𠮷");
    expect(checkSelection(text, at + 1, at + 3)).toEqual({ ok: true, start: at, end: at + 3 });
  });
  it("refuses very long selections and says how long", () => {
    const long = "あ".repeat(6000);
    expect(checkSelection(long, 0, 6000)).toEqual({ ok: false, problem: "too_long", length: 6000 });
    expect(checkSelection(long, 0, 5000).ok).toBe(true);
  });
});

describe("placing anchors", () => {
  const v1 = "前文。日米同盟の拡大抑止について。反撃能力の議論。拡大抑止の信頼性。";
  const v2 = "新しい前文を加えた。" + v1;
  it("places an anchor of the pane's version as it is", () => {
    const a = buildAnchor(v1, "v1", 8, 12);
    expect(placeAnchor(v1, "v1", a)).toEqual({ status: "exact", start: 8, end: 12 });
  });
  it("refuses to paint an anchor whose quote does not match its own version", () => {
    const a = { ...buildAnchor(v1, "v1", 8, 12), exact: "違う文字" };
    expect(placeAnchor(v1, "v1", a)).toEqual({ status: "orphan", reason: "quote_mismatch" });
  });
  it("moves an anchor of another version to where its quote and context are", () => {
    const second = v1.lastIndexOf("拡大抑止");
    const a = buildAnchor(v1, "v1", second, second + 4);
    expect(placeAnchor(v2, "v2", a)).toEqual({ status: "moved", start: second + 10, end: second + 14 });
  });
  it("orphans an anchor whose quote is gone from the new version", () => {
    const a = buildAnchor(v1, "v1", 17, 21);
    expect(placeAnchor(v2.replace("反撃能力", "打撃力"), "v2", a)).toEqual({ status: "orphan", reason: "other_version" });
  });
});

describe("the annotation list", () => {
  const item = (id: string, start: number | null, extra: Partial<ListItem> = {}): ListItem => ({
    id, authorId: "u1", authorName: "Aoi", colour: "#f5c518", status: "open", start, end: start === null ? null : start + 5, createdAt: `2026-01-0${id.length}T00:00:00Z`, ...extra,
  });
  it("sorts in text order with orphans last", () => {
    const items = [item("c", null), item("b", 40), item("a", 3), item("d", 3, { end: 30 })];
    expect(items.sort(compareItems).map((i) => i.id)).toEqual(["d", "a", "b", "c"]);
  });
  it("filters by author, colour and status", () => {
    const items = [item("a", 1), item("b", 2, { authorId: "u2", authorName: "Ken" }), item("c", 3, { colour: "#3B82D6", status: "resolved" })];
    expect(filterItems(items, { authors: ["u2"], colours: [], status: "all" }).map((i) => i.id)).toEqual(["b"]);
    expect(filterItems(items, { authors: [], colours: ["#3b82d6"], status: "all" }).map((i) => i.id)).toEqual(["c"]);
    expect(filterItems(items, { authors: [], colours: [], status: "open" }).map((i) => i.id)).toEqual(["a", "b"]);
    expect(authorsOf(items)).toEqual([{ id: "u1", name: "Aoi", count: 2 }, { id: "u2", name: "Ken", count: 1 }]);
  });
  it("finds the first item at or after an offset", () => {
    const items = [item("a", 1), item("b", 10), item("c", 20)];
    expect(firstAtOrAfter(items, 0)).toBe(0);
    expect(firstAtOrAfter(items, 10)).toBe(1);
    expect(firstAtOrAfter(items, 21)).toBe(3);
  });
});

describe("presence", () => {
  it("gives a user the same colour every time, and readable initials", () => {
    expect(presenceColour("user-1")).toBe(presenceColour("user-1"));
    expect(presenceColour("user-1")).toMatch(/^#[0-9a-f]{6}$/);
    expect(initials("青井 葵 (Aoi)")).toBe("青葵");
    expect(initials("ken")).toBe("KE");
  });
});
