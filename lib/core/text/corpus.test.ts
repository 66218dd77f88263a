/**
 * The five demo papers (prisma/demo, copies of /work/shared/corpus) as fixtures: the
 * invariants of issue #3 on real extraction damage, plus what a reader of each paper
 * would say its headings, footnotes and boxes are.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkInvariants } from "./check-invariants";
import { normaliseText } from "./normalise-text";
import type { BlockKind, NormalisedText } from "./types";

const DEMO = fileURLToPath(new URL("../../../prisma/demo/", import.meta.url));
const FILES = ["000_6ec46793eb3db40c", "001_76d4a68181cabaa2", "002_91ae9ad2d9043cbd", "003_739229ce7d15924f", "004_47ad200d4f3ecc98"];

const cache = new Map<string, { raw: string; r: NormalisedText }>();
function load(name: string): { raw: string; r: NormalisedText } {
  let entry = cache.get(name);
  if (!entry) {
    const raw = readFileSync(`${DEMO}${name}.txt`, "utf8");
    entry = { raw, r: normaliseText(raw) };
    cache.set(name, entry);
  }
  return entry;
}

function texts(r: NormalisedText, kind: BlockKind): string[] {
  return r.blocks.filter((b) => b.kind === kind).map((b) => r.text.slice(b.start, b.end));
}

describe.each(FILES)("corpus %s: invariants", (name) => {
  it("loses nothing, invents nothing, inserts no space between wide characters, round-trips offsets", () => {
    const { raw, r } = load(name);
    expect(checkInvariants(raw, r).errors).toEqual([]);
  });

  it("has at most 2% of paragraphs ending mid-sentence", () => {
    const { raw, r } = load(name);
    const report = checkInvariants(raw, r);
    expect(report.paragraphs).toBeGreaterThan(5);
    expect(report.midSentence / report.paragraphs).toBeLessThanOrEqual(0.02);
  });

  it("separates blocks by blank lines and keeps them in text order", () => {
    const { r } = load(name);
    r.blocks.forEach((b, i) => {
      const next = r.blocks[i + 1];
      if (next) expect(r.text.slice(b.end, next.start)).toBe("\n\n");
      expect(r.text.slice(b.start, b.end)).not.toMatch(/\n/);
    });
    expect(r.language).toBe("ja");
  });
});

describe("corpus: what a reader would agree with", () => {
  it("000: footnotes out of the flow, plain-digit markers linked, PUA bullets as list items", () => {
    const { r } = load(FILES[0] ?? "");
    expect(texts(r, "heading")).toEqual([
      "アジア戦略イニシアティブ（ASI）について", "はじめに", "総合的な評価と提言", "具体的評価（トレンドとリスク）",
      "北朝鮮", "中国", "日米同盟の抑止力のため具体的提言", "制度面", "計画と抑止能力",
    ]);
    expect(r.blocks.filter((b) => b.kind === "footnote").map((b) => b.label)).toEqual(["1", "2", "3", "4", "5", "6"]);
    const refs = r.blocks.flatMap((b) => b.footnoteRefs ?? []);
    expect(refs.map((f) => f.marker)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(refs.every((f) => f.footnoteBlock !== undefined && r.blocks[f.footnoteBlock]?.label === f.marker)).toBe(true);
    // The paragraph cut by footnote 1 and a page break is one paragraph again.
    expect(r.text).toContain("実際のところ、結果は芳しいものではなかった。遠からず北朝鮮は、");
    expect(texts(r, "list_item").filter((t) => t.startsWith("\uf0b7"))).toHaveLength(8);
    expect(r.dropped.map((d) => d.reason)).toEqual(["duplicate_line", "duplicate_line"]);
  });

  it("001: running headers and page numbers dropped, 【提言N】 headings, U+FFFD kept", () => {
    const { r } = load(FILES[1] ?? "");
    expect(r.dropped.map((d) => d.text.replace(/\s/g, ""))).toEqual([
      "2提言", "5", "提言2", "提言2", "3参考資料：", "SPF日米同盟拡大抑止ワークショップ", "参考資料：SPF日米同盟拡大抑止ワークショップ3", "参考資料：SPF日米同盟拡大抑止ワークショップ3",
    ]);
    const headings = texts(r, "heading");
    expect(headings.filter((h) => h.startsWith("【提言"))).toHaveLength(15);
    expect(headings).toContain("1 本件協議を開始するにあたっての日本側の問題認識");
    expect(headings).toContain("結びに");
    expect(r.text).toContain("指揮統制の強靭化等に留意すべきである。"); // rejoined across a dropped header
    expect(r.text).toContain("軍事部門はない。");
    expect(r.text.split("\ufffd").length - 1).toBe(9);
  });

  it("002: superscript footnotes taken out of interrupted sentences and linked", () => {
    const { r } = load(FILES[2] ?? "");
    expect(r.title).toBe("日米防衛協力の歴史・現状・課題");
    const footnotes = r.blocks.filter((b) => b.kind === "footnote");
    expect(footnotes.map((b) => b.label)).toEqual(Array.from({ length: 33 }, (_, i) => String(i + 1)));
    expect(r.text).toContain("現在もその中にある。");
    expect(r.text).toContain("1 点目は、EDD を次官級へ、必要により閣僚レベルへ格上げすることである。");
    // Footnote 27 runs over a page; its tail goes back to it.
    expect(texts(r, "footnote").find((t) => t.startsWith("²⁷"))).toContain("『アジア戦略イニシアティブポリシー・メモランダム#1』");
    const refs = r.blocks.flatMap((b) => b.footnoteRefs ?? []);
    expect(refs).toHaveLength(33);
    expect(refs.every((f) => f.footnoteBlock !== undefined)).toBe(true);
  });

  it("003: KEY WORD box, captions, acronym expansions and cross-references as their own blocks", () => {
    const { r } = load(FILES[3] ?? "");
    expect(r.title).toBe("第2節 日米共同の抑止力・対処力の強化");
    expect(texts(r, "glossary")).toEqual(["KEY WORD", "拡大抑止", expect.stringMatching(/^ある国が有する抑止力/)]);
    expect(texts(r, "caption")).toEqual([
      "木原防衛大臣とサルツマン米宇宙軍作戦部長(2023年9月)", "図表Ⅲ-2-2-1 日米物品役務相互提供協定（ACSA）",
      "沖縄南方での日米共同訓練（2024年1月）", "6月協議におけるB-2戦略爆撃機視察【米国防省提供】", "12月協議における議論の様子",
    ]);
    expect(texts(r, "note")).toContain("Alliance Coordination Mechanism");
    expect(r.text).toContain("アセットや施設の防護、後方支援などにおける連携の強化");
    expect(r.text).toContain("引き続き共同訓練の充実に努めている。");
    expect(r.text).toContain("**拡大抑止**"); // plain text: Markdown marks are what the source says
  });

  it("004: double-spaced lines, ① recommendation titles as headings, words split over lines rejoined", () => {
    const { r } = load(FILES[4] ?? "");
    expect(r.title).toBe("より強固な同盟を目指して");
    const headings = texts(r, "heading");
    expect(headings).toContain("④ 日米は韓国が今後も日米韓協力の枠組みに留まるように協力して働きかけるべきである");
    expect(headings).toContain("Ａ 同盟戦略");
    expect(r.text).toContain("このような日米関係に対する疑問を公言していた。");
    expect(r.text).not.toMatch(/この ような/);
  });
});
