import { describe, expect, it } from "vitest";
import { buildThemeTree, themeResolver, type AnalysisTheme } from "../themes";
import { colourKey, countByTheme, matchesThemeFilter, resolvedThemeIds, themeFilterSet, themePaint, UNTAGGED_COLOUR } from "./theme-lens";

const themes: AnalysisTheme[] = [
  { id: "b", name: "B", colour: "#2e86ab", order: 1 },
  { id: "a", name: "A", colour: "#d1495b", order: 0 },
  { id: "a1", name: "A1", colour: "#edae49", parentId: "a", order: 0 },
  { id: "a1x", name: "A1x", colour: "#3b8b5a", parentId: "a1" },
  { id: "old", name: "Old", colour: "#000000", deleted: true, mergedInto: "b" },
  { id: "gone", name: "Gone", colour: "#111111", deleted: true },
];
const resolve = themeResolver(themes);
const live = themes.filter((t) => !t.deleted);
const order = new Map(buildThemeTree(live).map((r, i) => [r.theme.id, i]));
const colourOf = (id: string) => live.find((t) => t.id === id)?.colour;

describe("themes in the reader", () => {
  it("resolves merged themes to their target and drops deleted ones", () => {
    expect(resolvedThemeIds(["old", "gone", "b"], resolve)).toEqual(["b"]);
    expect(resolvedThemeIds(undefined, resolve)).toEqual([]);
  });

  it("colours by the first theme in hierarchy order, marks a second, greys untagged", () => {
    expect(themePaint([], order, colourOf)).toEqual({ colour: UNTAGGED_COLOUR });
    expect(themePaint(["b"], order, colourOf)).toEqual({ colour: "#2e86ab" });
    // a (order 0) comes before b even though b was tagged first; a1 (a's child) before b too.
    expect(themePaint(["b", "a"], order, colourOf)).toEqual({ colour: "#d1495b", second: "#2e86ab" });
    expect(themePaint(["b", "a1"], order, colourOf)).toEqual({ colour: "#edae49", second: "#2e86ab" });
    expect(themePaint(["nope"], order, colourOf)).toEqual({ colour: UNTAGGED_COLOUR });
  });

  it("filters by a theme and its descendants", () => {
    const f = themeFilterSet(live, "a");
    expect([...f!].sort()).toEqual(["a", "a1", "a1x"]);
    expect(matchesThemeFilter(["a1x"], f)).toBe(true);
    expect(matchesThemeFilter(["b"], f)).toBe(false);
    expect(matchesThemeFilter([], null)).toBe(true);
    expect(themeFilterSet(live, null)).toBeNull();
  });

  it("counts per theme, directly and rolled up, each annotation once per theme", () => {
    const anns = [["a1x"], ["a", "a1"], ["b"], resolvedThemeIds(["old"], resolve), [], ["unknown"]];
    const c = countByTheme(anns, live);
    expect(c.get("a")).toEqual({ direct: 1, total: 2 });
    expect(c.get("a1")).toEqual({ direct: 1, total: 2 });
    expect(c.get("a1x")).toEqual({ direct: 1, total: 1 });
    expect(c.get("b")).toEqual({ direct: 2, total: 2 });
    expect(c.has("unknown")).toBe(false);
  });

  it("makes stable, identifier-safe highlight name parts for colours", () => {
    expect(colourKey("#D1495B")).toBe("d1495b");
    expect(colourKey("rgb(1, 2, 3)")).toMatch(/^h[0-9a-z]+$/);
    expect(colourKey("rgb(1, 2, 3)")).toBe(colourKey("rgb(1, 2, 3)"));
  });
});
