/**
 * The compare view's multi-selection as pure state: ticking, Shift ranges over the list as
 * shown, "select all shown", and dropping annotations deleted meanwhile and panes closed.
 */
import { describe, expect, it } from "vitest";
import {
  EMPTY_SELECTION,
  isSelected,
  pruneSelection,
  rangeOf,
  selectionReducer,
  selectionSize,
  setSelected,
  shownState,
  type SelectionAction,
  type SelectionState,
} from "./annotation-selection";

const run = (actions: SelectionAction[], from: SelectionState = EMPTY_SELECTION) => actions.reduce(selectionReducer, from);
const ids = (s: SelectionState, doc: string) => [...(s.selection.get(doc) ?? [])].sort();
const order = ["a", "b", "c", "d", "e", "f"];
const click = (annotationId: string, shift = false, documentId = "D1", list: readonly string[] = order): SelectionAction => ({ type: "click", documentId, annotationId, order: list, shift });

describe("range selection", () => {
  it("takes the ids between two rows in either direction, both included", () => {
    expect(rangeOf(order, "b", "e")).toEqual(["b", "c", "d", "e"]);
    expect(rangeOf(order, "e", "b")).toEqual(["b", "c", "d", "e"]);
    expect(rangeOf(order, "c", "c")).toEqual(["c"]);
  });

  it("takes only the clicked row when the anchor is no longer listed", () => {
    expect(rangeOf(order, "gone", "d")).toEqual(["d"]);
  });

  it("Shift-click selects from the checkbox last clicked, in the order shown", () => {
    const s = run([click("b"), click("e", true)]);
    expect(ids(s, "D1")).toEqual(["b", "c", "d", "e"]);
    expect(s.anchor).toEqual({ documentId: "D1", annotationId: "e" });
  });

  it("uses the filtered order: rows hidden by a filter are not selected", () => {
    const filtered = ["a", "c", "e"];
    const s = run([click("a", false, "D1", filtered), click("e", true, "D1", filtered)]);
    expect(ids(s, "D1")).toEqual(["a", "c", "e"]);
  });

  it("Shift-click on a ticked box unticks the range, leaving the rest", () => {
    const s = run([click("a"), click("f", true), click("c"), click("e", true)]);
    // a..f ticked; c unticked alone; e is ticked, so Shift-clicking it unticks c..e.
    expect(ids(s, "D1")).toEqual(["a", "b", "f"]);
  });

  it("does not range across documents: the anchor of another pane is ignored", () => {
    const s = run([click("a", false, "D1"), click("x", true, "D2", ["w", "x", "y"])]);
    expect(ids(s, "D1")).toEqual(["a"]);
    expect(ids(s, "D2")).toEqual(["x"]);
    expect(selectionSize(s.selection)).toEqual({ annotations: 2, documents: 2 });
  });

  it("a plain click toggles one row and a second click unticks it", () => {
    const once = run([click("c")]);
    expect(isSelected(once.selection, "D1", "c")).toBe(true);
    const twice = run([click("c")], once);
    expect(twice.selection.size).toBe(0);
  });
});

describe("select all shown, toggle, clear", () => {
  it("selects every shown id and reports the header's tri-state", () => {
    const some = run([click("b")]);
    expect(shownState(some.selection, "D1", order)).toBe("some");
    const all = run([{ type: "set", documentId: "D1", annotationIds: order, on: true }], some);
    expect(shownState(all.selection, "D1", order)).toBe("all");
    expect(shownState(all.selection, "D1", [])).toBe("none");
    const none = run([{ type: "set", documentId: "D1", annotationIds: ["a", "b"], on: false }], all);
    expect(ids(none, "D1")).toEqual(["c", "d", "e", "f"]);
    expect(shownState(none.selection, "D1", ["a", "b"])).toBe("none");
  });

  it("returns the same state when nothing changes, so React skips the render", () => {
    const s = run([click("a"), click("b")]);
    expect(selectionReducer(s, { type: "set", documentId: "D1", annotationIds: ["a"], on: true })).toBe(s);
    expect(setSelected(s.selection, "D1", ["zz"], false)).toBe(s.selection);
    expect(selectionReducer(EMPTY_SELECTION, { type: "clear" })).toBe(EMPTY_SELECTION);
  });

  it("Ctrl-click toggles and clear empties everything", () => {
    const s = run([{ type: "toggle", documentId: "D2", annotationId: "x" }, click("a")]);
    expect(selectionSize(s.selection)).toEqual({ annotations: 2, documents: 2 });
    const off = run([{ type: "toggle", documentId: "D2", annotationId: "x" }], s);
    expect([...off.selection.keys()]).toEqual(["D1"]);
    expect(run([{ type: "clear" }], s).selection.size).toBe(0);
  });
});

describe("pruning", () => {
  it("drops deleted annotations and documents whose pane closed", () => {
    const s = run([click("a"), click("c", true), { type: "toggle", documentId: "D2", annotationId: "x" }]);
    const live = new Map([["D1", new Set(["a", "c"])]]); // b deleted; D2 closed
    const pruned = run([{ type: "prune", exists: (d, id) => live.get(d)?.has(id) ?? false }], s);
    expect(ids(pruned, "D1")).toEqual(["a", "c"]);
    expect(pruned.selection.has("D2")).toBe(false);
    expect(selectionSize(pruned.selection)).toEqual({ annotations: 2, documents: 1 });
  });

  it("keeps the very same state when everything still exists", () => {
    const s = run([click("a"), click("b")]);
    expect(run([{ type: "prune", exists: () => true }], s)).toBe(s);
    expect(pruneSelection(s.selection, () => true)).toBe(s.selection);
  });

  it("empties when every selected annotation is gone", () => {
    const s = run([click("a")]);
    expect(pruneSelection(s.selection, () => false).size).toBe(0);
  });
});
