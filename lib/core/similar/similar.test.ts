import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseText } from "../text/normalise-text";
import {
  SIMILAR_LIMITS,
  UNIT_LIMITS,
  bruteForceSimilar,
  buildSimilarIndex,
  findSimilar,
  FeatureTable,
  analyseDocument,
  assembleIndex,
  findSimilarInputSchema,
  ngramFeature,
  passageFeatures,
  passageUnits,
  queryVector,
  similarPassages,
  unitVectorsOf,
  type SourceDocument,
} from ".";

const doc = (documentId: string, paragraphs: string[]): SourceDocument => ({ documentId, versionId: `${documentId}-v1`, text: paragraphs.join("\n\n"), blocks: [] });

// Our own small world: one paraphrase pair across papers, the rest on other subjects or only
// sharing the corpus' topic words.
const A = doc("a", [
  "日米両政府は拡大抑止協議を定期的に開催し、核の傘の信頼性を高めるべきである。",
  "台所では、だし汁に醤油とみりんを加えて、弱火で十分ほど煮込むとよい。味見をしてから塩で整える。",
]);
const B = doc("b", [
  "桜の開花は例年より一週間早く、東京では三月中旬に満開となり、公園は花見客でにぎわった。",
  "核の傘の信頼性を高めるため、日米は拡大抑止に関する協議を定期的に開くべきだ。",
  "日米同盟の将来について、両国の国民の意識調査を比較する。",
]);
const C = doc("c", [
  "サッカーの試合は雨の中で行われ、後半に二点を追加したチームが逆転で勝利した。観客は最後まで声援を送った。",
  "The alliance should hold regular extended deterrence consultations to strengthen the credibility of the nuclear umbrella.",
]);

describe("features", () => {
  it("fold width and case, and ignore whitespace and punctuation inside Japanese", () => {
    const a = passageFeatures("拡大抑止\n協議、ＡＣＭ");
    const b = passageFeatures("拡大抑止協議 acm");
    expect(a).toEqual(b);
    expect(a.get(ngramFeature("止協"))).toBe(1);
    expect(a.get("acm")).toBe(1);
  });

  it("count bigrams and trigrams of CJK runs and words of Latin text", () => {
    const f = passageFeatures("抑止力 of deterrence");
    expect(new Set(f.keys())).toEqual(new Set(["of", "deterrence", ...["抑止", "抑止力", "止力"].map(ngramFeature)]));
    expect(passageFeatures("核").get(ngramFeature("核"))).toBe(1);
    expect(passageFeatures("𠮷田").size).toBe(1);
    expect(passageFeatures("、。！").size).toBe(0);
  });
});

describe("units", () => {
  it("cut long paragraphs at sentence ends and join short blocks", () => {
    const long = "これは長い段落の一文です。".repeat(60);
    const text = `第1節 はじめに\n\n${long}\n\n短い。\n\n次の段落もある程度の長さを持つ普通の段落である。`;
    const h = text.indexOf("第1節");
    const p1 = text.indexOf(long);
    const p2 = text.indexOf("短い");
    const p3 = text.indexOf("次の");
    const units = passageUnits(text, [
      { kind: "heading", start: h, end: h + "第1節 はじめに".length, level: 1 },
      { kind: "paragraph", start: p1, end: p1 + long.length, page: 3 },
      { kind: "paragraph", start: p2, end: p2 + 3 },
      { kind: "paragraph", start: p3, end: text.length },
    ]);
    const pieces = units.filter((u) => u.start >= p1 && u.end <= p1 + long.length);
    expect(pieces.length).toBeGreaterThan(1);
    for (const u of pieces) {
      expect(u.end - u.start).toBeLessThanOrEqual(UNIT_LIMITS.max);
      expect(text[u.end - 1]).toBe("。");
      expect(u.headingPath).toEqual(["第1節 はじめに"]);
      expect(u.page).toBe(3);
    }
    expect(units.at(-1)).toMatchObject({ start: p2, end: text.length });
  });
});

describe("similar passages", () => {
  const index = buildSimilarIndex([A, B, C]);
  const titles = (id: string) => id.toUpperCase();

  it("rank a Japanese paraphrase above unrelated text and leave out the query's own document", () => {
    const query = A.text.split("\n\n")[0]!;
    const results = similarPassages(index, query, "a", titles);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.documentId).toBe("b");
    expect(B.text.slice(results[0]!.start, results[0]!.end)).toContain("核の傘の信頼性を高めるため");
    expect(results[0]!.score).toBeGreaterThan(0.15);
    expect(results.every((r) => r.documentId !== "a")).toBe(true);
    // The cooking paragraph, the football match and the cherry blossoms never come up.
    expect(results.map((r) => r.snippet).join()).not.toMatch(/だし汁|サッカー|桜/);
  });

  it("offer nothing for a passage unlike any other", () => {
    expect(similarPassages(index, "台所では、だし汁に醤油とみりんを加える。", "a", titles)).toEqual([]);
  });

  it("match English words across width and case", () => {
    const r = similarPassages(index, "EXTENDED DETERRENCE CONSULTATIONS, ＮＵＣＬＥＡＲ umbrella", "a", titles);
    expect(r[0]).toMatchObject({ documentId: "c", title: "C" });
  });

  it("cut the query to its maximum length", () => {
    const v1 = queryVector(index, "核".repeat(SIMILAR_LIMITS.queryMax) + "日米両政府は拡大抑止協議を定期的に開催");
    const v2 = queryVector(index, "核".repeat(SIMILAR_LIMITS.queryMax));
    expect(v1).toEqual(v2);
  });
});

describe("a workspace that gains a version", () => {
  it("ranks and scores as a fresh build when the other documents' analyses are reused", () => {
    const table = new FeatureTable();
    const [a, b, c] = [A, B, C].map((d) => analyseDocument(table, d));
    assembleIndex(table, [a!, b!, c!]);
    const B2 = { ...doc("b", ["原子力潜水艦の配備について、両国は新たな協定を結んだ。", "核の傘の信頼性を高めるため、日米は拡大抑止に関する協議を定期的に開くべきだ。"]), versionId: "b-v2" };
    const reused = assembleIndex(table, [a!, analyseDocument(table, B2), c!]);
    const fresh = buildSimilarIndex([A, B2, C]);
    // The query holds n-grams only the replaced version had: unseen, as in the fresh build.
    const query = "桜の開花は例年より早い。日米両政府は拡大抑止協議を定期的に開催し、核の傘の信頼性を高めるべきである。";
    const r1 = similarPassages(reused, query, "a", (id) => id);
    expect(r1.length).toBeGreaterThan(0);
    expect(r1).toEqual(similarPassages(fresh, query, "a", (id) => id));
  });
});

describe("on the demo papers", () => {
  const dir = new URL("../../../prisma/demo/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const docs = files.map((f, i) => {
    const n = normaliseText(readFileSync(new URL(f, dir), "utf8"));
    return { documentId: `p${i}`, versionId: `p${i}v`, text: n.text, blocks: n.blocks };
  });
  const index = buildSimilarIndex(docs);
  const vectors = unitVectorsOf(index);

  it("the inverted index ranks exactly as scoring every unit does", () => {
    for (let u = 0; u < index.units.length; u += 17) {
      const unit = index.units[u]!;
      const q = queryVector(index, index.documents[unit.doc]!.text.slice(unit.start, unit.end));
      const fast = findSimilar(index, q, { excludeDocument: unit.doc });
      const slow = bruteForceSimilar(index, vectors, q, { excludeDocument: unit.doc });
      expect(fast.map((s) => s.unit)).toEqual(slow.map((s) => s.unit));
      fast.forEach((s, i) => expect(s.score).toBeCloseTo(slow[i]!.score, 5));
    }
  });

  it("find a passage that another paper quotes verbatim with a score near 1", () => {
    // The same paragraph copied into a new paper, with line breaks and full-width digits.
    const unit = index.units.find((u) => u.end - u.start > 200)!;
    const quoted = index.documents[unit.doc]!.text.slice(unit.start, unit.end);
    const copy = buildSimilarIndex([...docs, doc("copy", [quoted.replace(/。/gu, "。\n").replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))])]);
    const r = similarPassages(copy, quoted, docs[unit.doc]!.documentId, () => "");
    expect(r[0]).toMatchObject({ documentId: "copy" });
    expect(r[0]!.score).toBeGreaterThan(0.8);
  });
});

describe("feature table", () => {
  it("numbers every distinct feature once, across growth, and finds them again", () => {
    const table = new FeatureTable(4);
    const keys: (number | string)[] = [];
    for (let i = 0; i < 5_000; i++) keys.push(i % 7 === 0 ? `w${i}` : (i * 2654435761) % 2 ** 47);
    const ids = keys.map((k) => table.intern(k));
    expect(new Set(ids).size).toBe(keys.length);
    expect(keys.map((k) => table.intern(k))).toEqual(ids);
    expect(keys.map((k) => table.find(k))).toEqual(ids);
    expect(table.find(2 ** 47 + 1)).toBe(-1);
    expect(table.find("absent")).toBe(-1);
  });
});

describe("input", () => {
  it("needs a passage or an annotation, not both", () => {
    expect(findSimilarInputSchema.safeParse({ workspaceId: "w", documentId: "d", start: "3", end: "9" }).success).toBe(true);
    expect(findSimilarInputSchema.safeParse({ workspaceId: "w", annotationId: "a1" }).success).toBe(true);
    expect(findSimilarInputSchema.safeParse({ workspaceId: "w" }).success).toBe(false);
    expect(findSimilarInputSchema.safeParse({ workspaceId: "w", documentId: "d", start: 9, end: 3 }).success).toBe(false);
    expect(findSimilarInputSchema.safeParse({ workspaceId: "w", annotationId: "a1", documentId: "d", start: 1, end: 2 }).success).toBe(false);
  });
});
