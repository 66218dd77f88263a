/**
 * Re-anchoring on the real demo papers, normalised through the import pipeline exactly as an
 * upload is: positions that still hold, quotes that moved, quotes that changed a little, and
 * quotes that are gone.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAnchor } from "../collab/anchor";
import { extractSource } from "../../server/import/extract-source";
import { anchorQuote, createAnchorer, matchQuote, reanchorAll, similarity, summarise } from ".";

const DEMO = new URL("../../../prisma/demo/", import.meta.url);
const FILES = ["000_6ec46793eb3db40c.txt", "001_76d4a68181cabaa2.txt", "002_91ae9ad2d9043cbd.txt", "003_739229ce7d15924f.txt", "004_47ad200d4f3ecc98.txt"];
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const f of FILES) texts.set(f, (await extractSource(f, new Uint8Array(readFileSync(new URL(f, DEMO))))).normalised.text);
});

/** Quotes of 12–60 characters at evenly spread offsets of a text, as anchors. */
function sampleAnchors(text: string, n: number) {
  const out = [];
  for (let i = 1; i <= n; i++) {
    let start = Math.floor((text.length * i) / (n + 1));
    if (/[\uDC00-\uDFFF]/.test(text[start] ?? "")) start += 1;
    let end = Math.min(text.length, start + 12 + (i % 48));
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? "")) end += 1;
    out.push(buildAnchor(text, "v1", start, end));
  }
  return out;
}

describe("re-anchoring on the demo corpus", () => {
  it("anchors every quote exactly at its position, in every paper", () => {
    for (const [file, text] of texts) {
      const anchors = sampleAnchors(text, 40);
      const { results, report } = reanchorAll(text, "v2", anchors.map((a) => ({ ...a, position: { start: a.start, end: a.end } })));
      expect(report, file).toEqual({ exact: 40, fuzzy: 0, orphaned: 0 });
      results.forEach((r, i) => expect(r.status === "exact" && r.anchor.start).toBe(anchors[i]!.start));
    }
  });

  it("finds moved quotes exactly by quote and context when a new version shifts the text", () => {
    const text = texts.get(FILES[1]!)!;
    const anchors = sampleAnchors(text, 30);
    const shifted = `【追記】改訂版の前書き。\n\n${text}`;
    const { results, report } = reanchorAll(shifted, "v2", anchors.map((a) => ({ ...a, position: { start: a.start, end: a.end } })));
    expect(report).toEqual({ exact: 30, fuzzy: 0, orphaned: 0 });
    const delta = shifted.length - text.length;
    results.forEach((r, i) => expect(r.status === "exact" && r.anchor.start).toBe(anchors[i]!.start + delta));
  });

  it("uses the context to choose between repeated quotes", () => {
    const text = texts.get(FILES[2]!)!;
    const quote = "日米防衛協力";
    const occurrences: number[] = [];
    for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) occurrences.push(i);
    expect(occurrences.length).toBeGreaterThan(5);
    const target = occurrences[Math.floor(occurrences.length / 2)]!;
    const a = buildAnchor(text, "v1", target, target + quote.length);
    const r = anchorQuote(text, { exact: a.exact, prefix: a.prefix, suffix: a.suffix });
    expect(r).toMatchObject({ status: "exact", start: target });
  });

  it("anchors fuzzily when the quote changed a little or only in whitespace", () => {
    const text = texts.get(FILES[3]!)!;
    const anchor = createAnchorer(text);
    const [a] = sampleAnchors(text, 1).map((x) => ({ ...x, exact: text.slice(x.start, x.start + 40) }));
    const edited = `${a!.exact.slice(0, 10)}X${a!.exact.slice(11)}`; // one substitution
    expect(anchor({ exact: edited, prefix: a!.prefix, suffix: "" })).toMatchObject({ status: "fuzzy", start: a!.start });
    const wrapped = `${a!.exact.slice(0, 15)}\n  ${a!.exact.slice(15)}`; // a PDF line break
    expect(anchor({ exact: wrapped })).toMatchObject({ status: "fuzzy", start: a!.start, end: a!.start + 40 });
  });

  it("orphans what is gone, and reports it", () => {
    const text = texts.get(FILES[0]!)!;
    const results = [
      anchorQuote(text, { exact: "この文はどの論文にも書かれていない全く別の内容である。" }),
      anchorQuote(text, { exact: "" }),
      anchorQuote(text, { exact: text.slice(100, 130), position: { start: 100, end: 130 } }),
    ];
    expect(summarise(results)).toEqual({ exact: 1, fuzzy: 0, orphaned: 2 });
  });

  it("never cuts a surrogate pair", () => {
    const text = "前文。𠮷田レポートが指摘した情報共有の改善が提言された。後文。";
    const r = anchorQuote(text, { exact: "吉田レポートが指摘した情報共有の改善" });
    expect(r.status).toBe("fuzzy");
    if (r.status !== "orphaned") expect(text.slice(r.start, r.end).startsWith("𠮷") || text.slice(r.start, r.end).startsWith("田")).toBe(true);
    if (r.status !== "orphaned") expect(/^[\uDC00-\uDFFF]/.test(text.slice(r.start))).toBe(false);
  });

  it("scores like Hypothesis: the prefix and suffix break ties between equal quotes", () => {
    const text = "AAA 抑止 BBB ... CCC 抑止 DDD";
    expect(matchQuote(text, "抑止", { prefix: "CCC ", suffix: " DDD" })?.start).toBe(text.lastIndexOf("抑止"));
    expect(matchQuote(text, "抑止", { prefix: "AAA ", suffix: " BBB" })?.start).toBe(text.indexOf("抑止"));
  });
});

describe("context similarity", () => {
  it("agrees with the Myers search it replaces for short contexts", async () => {
    const search = (await import("approx-string-match")).default;
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const alphabet = "あいうえお日米防衛協力𠮷 \n";
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join("");
    for (let t = 0; t < 500; t++) {
      const text = word(1 + rnd(40));
      const str = rnd(3) === 0 ? text.slice(rnd(text.length)) + word(rnd(4)) : word(1 + rnd(32));
      if (str.length === 0) continue;
      const myers = text.includes(str) ? 0 : search(text, str, str.length)[0]!.errors;
      expect(similarity(text, str), JSON.stringify([text, str])).toBeCloseTo(1 - myers / str.length, 10);
    }
  });
});
