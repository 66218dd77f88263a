import { describe, expect, it } from "vitest";
import {
  buildThemeTree,
  computeCooccurrence,
  computeMatrix,
  cooccurrenceCsv,
  csvCell,
  duplicateNameGroups,
  effectiveParents,
  heatLevel,
  hiddenRows,
  matrixCsv,
  orderAt,
  themeNameKey,
  themeNameProblem,
  themeResolver,
  toCsv,
  unionRanges,
  wouldCreateCycle,
  type AnalysisAnnotation,
  type AnalysisTheme,
} from "./index";

const theme = (id: string, name: string, extra: Partial<AnalysisTheme> = {}): AnalysisTheme => ({ id, name, colour: "#aa0000", ...extra });

describe("theme names", () => {
  it("compares ignoring case and full-/half-width", () => {
    expect(themeNameKey("ＡＣＭ")).toBe(themeNameKey("acm"));
    expect(themeNameKey("ｶﾞｲﾄﾞ")).toBe(themeNameKey("ガイド"));
    expect(themeNameKey("拡大　抑止")).toBe(themeNameKey("拡大 抑止"));
    expect(themeNameKey("Straße")).toBe(themeNameKey("STRASSE"));
  });
  it("reports empty, overlong and taken names", () => {
    const existing = [{ id: "t1", name: "Extended deterrence" }];
    expect(themeNameProblem("  \u3000 ", existing)).toBe("theme_name_empty");
    expect(themeNameProblem("あ".repeat(81), existing)).toBe("theme_name_too_long");
    expect(themeNameProblem("ＥＸＴＥＮＤＥＤ deterrence", existing)).toBe("theme_name_taken");
    expect(themeNameProblem("extended DETERRENCE", existing, "t1")).toBeNull();
    expect(themeNameProblem("反撃能力", existing)).toBeNull();
  });
  it("finds names that collided concurrently", () => {
    expect(duplicateNameGroups([theme("a", "ACM"), theme("b", "ａｃｍ"), theme("c", "other")]).map((g) => g.map((t) => t.id))).toEqual([["a", "b"]]);
  });
});

describe("hierarchy", () => {
  const themes = [theme("a", "A", { order: 1 }), theme("b", "B", { parentId: "a", order: 2 }), theme("c", "C", { parentId: "a", order: 1 }), theme("d", "D", { order: 0 })];
  it("orders depth-first, siblings by order", () => {
    expect(buildThemeTree(themes).map((r) => `${r.theme.id}${r.depth}`)).toEqual(["d0", "a0", "c1", "b1"]);
  });
  it("detects cycles before they are written", () => {
    expect(wouldCreateCycle(themes, "a", "b")).toBe(true);
    expect(wouldCreateCycle(themes, "a", "a")).toBe(true);
    expect(wouldCreateCycle(themes, "b", "d")).toBe(false);
  });
  it("breaks concurrent cycles the same way everywhere and loses no theme", () => {
    const cyclic = [theme("x", "X", { parentId: "y" }), theme("y", "Y", { parentId: "x" }), theme("z", "Z", { parentId: "missing" })];
    const parents = effectiveParents(cyclic);
    expect(parents.get("x")).toBeUndefined();
    expect(parents.get("y")).toBe("x");
    expect(parents.get("z")).toBeUndefined();
    expect(buildThemeTree(cyclic)).toHaveLength(3);
    expect(buildThemeTree([...cyclic].reverse()).map((r) => r.theme.id)).toEqual(buildThemeTree(cyclic).map((r) => r.theme.id));
  });
  it("places between neighbours", () => {
    expect(orderAt([theme("p", "P", { order: 1 }), theme("q", "Q", { order: 2 })], 1)).toBe(1.5);
    expect(orderAt([theme("p", "P", { order: 1 })], 0)).toBe(0);
    expect(orderAt([], 0)).toBe(0);
  });
  it("hides the descendants of collapsed rows", () => {
    const rows = buildThemeTree([...themes, theme("e", "E", { parentId: "c" })]);
    expect([...hiddenRows(rows, new Set(["a"]))].sort()).toEqual(["b", "c", "e"]);
  });
});

describe("merged themes", () => {
  it("resolve to their live target, deleted ones to nothing", () => {
    const r = themeResolver([theme("a", "A", { deleted: true, mergedInto: "b" }), theme("b", "B", { deleted: true, mergedInto: "c" }), theme("c", "C"), theme("d", "D", { deleted: true })]);
    expect(r("a")).toBe("c");
    expect(r("d")).toBeUndefined();
    expect(r("nope")).toBeUndefined();
  });
});

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。"; // 41 units
const docs = [
  { id: "d1", title: "Paper 1", versionId: "v1", textLength: text.length },
  { id: "d2", title: "Paper 2", versionId: "v2", textLength: 100 },
];
const ann = (id: string, documentId: string, start: number, end: number, themeIds: string[], versionId = documentId === "d1" ? "v1" : "v2"): AnalysisAnnotation => ({
  id,
  documentId,
  versionId,
  start,
  end,
  exact: documentId === "d1" ? text.slice(start, end) : "x".repeat(end - start),
  themeIds,
});

describe("matrix", () => {
  const themes = [theme("p", "Parent"), theme("c", "Child", { parentId: "p" }), theme("o", "Other"), theme("m", "Merged", { deleted: true, mergedInto: "o" }), theme("gone", "Gone", { deleted: true })];
  const annotations = [
    ann("a1", "d1", 0, 10, ["c"]),
    ann("a2", "d1", 5, 15, ["c", "p"]),
    ann("a3", "d2", 0, 50, ["m"]),
    ann("a4", "d2", 10, 20, ["gone"]),
    ann("a5", "d2", 0, 30, ["o"], "v-old"),
    ann("a6", "unknown-doc", 0, 3, ["o"]),
  ];
  const m = computeMatrix({ themes, documents: docs, annotations });
  const row = (id: string) => m.rows.find((r) => r.theme.id === id)!;
  it("counts and covers the union of ranges, rolled up to parents", () => {
    expect(m.rows.map((r) => r.theme.id)).toEqual(["o", "p", "c"]);
    expect(row("c").cells[0]).toMatchObject({ count: 2, annotationIds: ["a1", "a2"] });
    expect(row("c").cells[0]!.coverage).toBeCloseTo(15 / text.length);
    expect(row("p").cells[0]).toMatchObject({ count: 2 }); // a2 tagged both: counted once
    expect(row("p").ownCount).toBe(1);
  });
  it("counts merged themes under their target, ignores deleted themes and uncovers old versions", () => {
    expect(row("o").cells[1]).toMatchObject({ count: 2, annotationIds: ["a5", "a3"] });
    expect(row("o").cells[1]!.coverage).toBeCloseTo(0.5);
    expect(row("o").total.count).toBe(2);
    expect(m.maxCount).toBe(2);
  });
  it("scales heat from zero", () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(10, 10)).toBe(1);
    expect(heatLevel(1, 100)).toBeGreaterThan(0.15);
  });
  it("writes CSV with a BOM, guarded formulas and quoted commas", () => {
    const csv = matrixCsv(computeMatrix({ themes: [theme("f", "=HYPERLINK(\"x\")"), theme("g", "a,b")], documents: docs, annotations: [ann("z", "d1", 0, 4, ["f"])] }), {
      theme: "Theme",
      parent: "Parent",
      count: "count",
      coverage: "coverage %",
      total: "Total",
    });
    expect(csv.startsWith("\uFEFFTheme,Parent,Paper 1 — count,Paper 1 — coverage %")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",,1,${Math.round((4 / text.length) * 10000) / 100},0,0,1\r\n`);
    expect(csv).toContain('"a,b"');
    expect(csvCell("-1+2")).toBe("'-1+2");
    expect(csvCell(-3)).toBe("-3");
    expect(toCsv([["日本語"]])).toBe("\uFEFF日本語\r\n");
  });
});

describe("co-occurrence", () => {
  it("counts shared passages once and stitches their text", () => {
    const themes = [theme("a", "A"), theme("b", "B"), theme("c", "C")];
    const annotations = [
      ann("x1", "d1", 0, 10, ["a", "b"]), // one annotation, both themes
      ann("x2", "d1", 8, 20, ["a"]),
      ann("x3", "d1", 15, 25, ["b"]), // overlaps x2 on 15..20: joins x1's passage? no: x1 ends at 10
      ann("y1", "d2", 0, 10, ["a"]),
      ann("y2", "d2", 10, 20, ["b"]), // touching, not overlapping
      ann("o1", "d1", 0, 5, ["c"], "v-old"), // other version: never compared with v1
    ];
    const t = computeCooccurrence({ themes, annotations, documentOrder: ["d1", "d2"] });
    const i = (id: string) => t.themes.findIndex((r) => r.theme.id === id);
    expect(t.counts[i("a")]![i("b")]).toBe(2);
    expect(t.counts[i("b")]![i("a")]).toBe(2);
    expect(t.counts[i("a")]![i("c")]).toBe(0);
    const passages = t.passages("b", "a");
    expect(passages.map((p) => [p.start, p.end])).toEqual([
      [0, 10],
      [15, 20],
    ]);
    expect(passages[0]!.text).toBe(text.slice(0, 10));
    expect(passages[1]!.text).toBe(text.slice(15, 20));
    expect(passages[1]!.annotationIds.sort()).toEqual(["x2", "x3"]);
    expect(cooccurrenceCsv(t, "")).toBe(`\uFEFF,A,B,C\r\nA,,2,0\r\nB,2,,0\r\nC,0,0,\r\n`);
  });
  it("unions touching ranges", () => {
    expect(unionRanges([{ start: 5, end: 8 }, { start: 0, end: 5 }, { start: 9, end: 9 }])).toEqual([{ start: 0, end: 8 }]);
  });
});
