import { describe, expect, it } from "vitest";
import { checkInvariants } from "./check-invariants";
import { detectLanguage } from "./detect-language";
import { normaliseText } from "./normalise-text";
import { rawOffsetAt } from "./offset-map";
import type { NormalisedText } from "./types";

function blocks(r: NormalisedText): [string, string][] {
  return r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end)]);
}

function expectInvariants(raw: string, r: NormalisedText): void {
  expect(checkInvariants(raw, r).errors).toEqual([]);
}

describe("normaliseText: reflow", () => {
  it("drops line breaks between wide characters and keeps a space elsewhere", () => {
    const raw = "日米両国がより積\n極的な課題に取り組み、extended\ndeterrence を論じる。inter-\nnational な議論である。\n";
    const r = normaliseText(raw);
    expect(r.text).toBe("日米両国がより積極的な課題に取り組み、extended deterrence を論じる。international な議論である。");
    expect(r.dropped).toEqual([{ text: "-", reason: "hyphenation", rawStart: raw.indexOf("-"), rawEnd: raw.indexOf("-") + 1 }]);
    expectInvariants(raw, r);
  });

  it("NFC-normalises once and never NFKC-folds", () => {
    const raw = "Cafe\u0301 と ｶﾞｲﾄﾞﾗｲﾝ と ㍿ と ＡＢＣ。\n";
    const r = normaliseText(raw);
    expect(r.text).toBe("Café と ｶﾞｲﾄﾞﾗｲﾝ と ㍿ と ＡＢＣ。");
    expect(rawOffsetAt(r.offsetMap, 4)).toBe(5); // the space after "é" maps past the combining mark
    expectInvariants(raw, r);
  });

  it("keeps U+FFFD and private-use characters, drops control characters and repairs lone surrogates", () => {
    const raw = "\uf0b7 提言\ufffdの要旨\u0007です。\ud800\n";
    const r = normaliseText(raw);
    expect(r.text).toBe("\uf0b7 提言\ufffdの要旨です。\ufffd");
    expect(r.dropped.map((d) => d.reason)).toEqual(["control_char"]);
    expect(r.warnings.join(" ")).toMatch(/surrogate/);
  });

  it("keeps astral characters whole and counts offsets in UTF-16 code units", () => {
    const raw = "𠮷野家の牛丼は\n有名である。";
    const r = normaliseText(raw);
    expect(r.text).toBe("𠮷野家の牛丼は有名である。");
    expect(r.blocks[0]).toMatchObject({ start: 0, end: 14 });
    expectInvariants(raw, r);
  });
});

describe("normaliseText: paragraphs", () => {
  it("treats interleaved blank lines as line spacing (files 000 and 004)", () => {
    const para = (n: number): string =>
      [`第${n}段落の一行目で、十分な長さのある日本語の文が続いていきますがまだ終わら`, "", `ない。二行目もまた長い日本語の文章で、行末まで文字がぎっしりと詰まっている`, "", "状態で、ここで終わる。 ", ""].join("\n");
    const raw = ["はじめに ", "", para(1), " ", "", para(2), para(3)].join("\n");
    const r = normaliseText(raw);
    expect(blocks(r).map(([k]) => k)).toEqual(["heading", "paragraph", "paragraph", "paragraph"]);
    expect(r.text).toContain("まだ終わらない。二行目");
    expectInvariants(raw, r);
  });

  it("starts paragraphs at U+3000 indents and after short lines ending a sentence", () => {
    const raw = "\u3000我が国は核保有国である中国、北朝鮮、ロシアに直接面しており、核の脅威が現実\n化している。\n\u3000特に、中国が武力による台湾統一を企図する場合、我が国は対処を迫られる\nことになる。\n";
    const r = normaliseText(raw);
    expect(blocks(r)).toEqual([
      ["paragraph", "我が国は核保有国である中国、北朝鮮、ロシアに直接面しており、核の脅威が現実化している。"],
      ["paragraph", "特に、中国が武力による台湾統一を企図する場合、我が国は対処を迫られることになる。"],
    ]);
  });

  it("labels headings of the usual Japanese numbering styles", () => {
    const raw = ["第2節 日米共同の抑止力", "", "1 はじめに", "", "（1）我が国の現況", "", "【提言１】協議の創設", "", "本文である。", "", "結 び に", "", "本文である。"].join("\n");
    const r = normaliseText(raw);
    const headings = r.blocks.filter((b) => b.kind === "heading").map((b) => [r.text.slice(b.start, b.end), b.label, b.level]);
    expect(headings).toEqual([
      ["第2節 日米共同の抑止力", "第2節", 1],
      ["1 はじめに", "1", 2],
      ["（1）我が国の現況", "（1）", 3],
      ["【提言１】協議の創設", "【提言１】", 4],
      ["結びに", undefined, 2],
    ]);
    expect(r.title).toBe("第2節 日米共同の抑止力");
  });

  it("recognises Markdown headings and drops their hashes", () => {
    const raw = "# 日米同盟\n\n## 背景\n\n本文である。\n";
    const r = normaliseText(raw, { format: "markdown" });
    expect(blocks(r)).toEqual([
      ["heading", "日米同盟"],
      ["heading", "背景"],
      ["paragraph", "本文である。"],
    ]);
    expect(r.blocks.map((b) => b.level)).toEqual([1, 2, undefined]);
    expect(r.dropped.every((d) => d.reason === "markdown_syntax")).toBe(true);
    expectInvariants(raw, r);
  });

  it("makes list items of bullets and circled numbers with sentences", () => {
    const raw = "\uf0b7 北朝鮮の攻撃力は増強されつつある。\n\n・日本は適切な規模の防衛力を保持\n\n①\u3000日本政府は説明する必要がある。\n";
    const r = normaliseText(raw);
    expect(r.blocks.map((b) => [b.kind, b.label])).toEqual([
      ["list_item", "\uf0b7"],
      ["list_item", "・"],
      ["list_item", "①"],
    ]);
  });
});

describe("normaliseText: footnotes, captions, glossary", () => {
  it("takes a footnote body out of a paragraph it interrupts and links the marker (file 002)", () => {
    const raw = "こうした強固な協力は戦後の歴史の中で変化し¹、現在もその中に\n\n¹ 日米首脳共同声明(2024年4月10日)\n(<https://www.mofa.go.jp/a.pdf>)\n\nある。\n";
    const r = normaliseText(raw);
    expect(blocks(r)).toEqual([
      ["paragraph", "こうした強固な協力は戦後の歴史の中で変化し¹、現在もその中にある。"],
      ["footnote", "¹ 日米首脳共同声明(2024年4月10日) (<https://www.mofa.go.jp/a.pdf>)"],
    ]);
    expect(r.blocks[0]?.footnoteRefs).toEqual([{ marker: "1", start: 21, end: 22, footnoteBlock: 1 }]);
    expect(r.blocks[1]?.label).toBe("1");
    expectInvariants(raw, r);
  });

  it("keeps a glossary box, an acronym expansion and a figure caption as their own blocks (file 003)", () => {
    const raw = [
      "", "", "第2節 日米共同の抑止力", "",
      "力による現状変更を抑止するため、共同FDOや共同ISRなどをさらに拡大・",
      "Flexible Deterrent Options",
      "深化させる。", "",
      "KEY WORD", "", "拡大抑止", "", "ある国が有する抑止力をその同盟国などにも提供すること。", "", "", "",
      "木原防衛大臣と米宇宙軍作戦部長(2023年9月)", "",
      "参照 1章4節4項 (宇宙領域での対応)",
    ].join("\n");
    const r = normaliseText(raw);
    expect(blocks(r)).toEqual([
      ["heading", "第2節 日米共同の抑止力"],
      ["paragraph", "力による現状変更を抑止するため、共同FDOや共同ISRなどをさらに拡大・深化させる。"],
      ["note", "Flexible Deterrent Options"],
      ["glossary", "KEY WORD"],
      ["glossary", "拡大抑止"],
      ["glossary", "ある国が有する抑止力をその同盟国などにも提供すること。"],
      ["caption", "木原防衛大臣と米宇宙軍作戦部長(2023年9月)"],
      ["note", "参照 1章4節4項 (宇宙領域での対応)"],
    ]);
    expectInvariants(raw, r);
  });
});

describe("normaliseText: pages", () => {
  it("drops running headers and page numbers repeated across pages and numbers blocks by page", () => {
    const page = (n: number, body: string): string => `日米同盟の将来\n\n${body}\n\n- ${n} -`;
    const pages = [
      page(1, "第一の論点は抑止である。"),
      page(2, "第二の論点は対処であり、日米の協力が欠か"),
      page(3, "せない。第三の論点は同盟管理である。"),
    ];
    const r = normaliseText(pages);
    expect(blocks(r)).toEqual([
      ["paragraph", "第一の論点は抑止である。"],
      ["paragraph", "第二の論点は対処であり、日米の協力が欠かせない。第三の論点は同盟管理である。"],
    ]);
    expect(r.blocks.map((b) => b.page)).toEqual([1, 2]);
    expect(r.dropped.map((d) => d.reason).sort()).toEqual([
      "page_number", "page_number", "page_number", "running_header", "running_header", "running_header",
    ]);
    expectInvariants(pages.join("\f"), r);
  });
});

describe("detectLanguage", () => {
  it("guesses from scripts", () => {
    expect(detectLanguage("日米同盟の抑止力")).toBe("ja");
    expect(detectLanguage("The alliance deters aggression.")).toBe("en");
    expect(detectLanguage("한미 동맹")).toBe("ko");
    expect(detectLanguage("12345")).toBe("und");
  });
});

describe("normaliseText: extraction artefacts of Japanese PDFs (issue #12)", () => {
  it("removes spaces around half-width digits between Japanese characters when the document shows the pattern", () => {
    const raw = "会合は2025年 3 月 7 ～ 8 日に開かれ、安保条約第 6条と日米「 2＋ 2」を論じた。\n";
    const r = normaliseText(raw);
    expect(r.text).toBe("会合は2025年3月7～8日に開かれ、安保条約第6条と日米「2＋2」を論じた。");
    expect(r.artefactSpaces).toBe(9);
    expectInvariants(raw, r);
  });

  it("keeps a lone author's space and the space after a footnote number", () => {
    expect(normaliseText("参照 1章4節4項を見よ。\n").text).toBe("参照 1章4節4項を見よ。");
    const raw = "年 3 月と年 4 月。これを示している。1 次に述べる。\n";
    expect(normaliseText(raw).text).toContain("示している。1 次に");
  });

  it("composes a digit and a stray combining circle into the circled number", () => {
    const raw = "1\u20dd 協議を開始する。\u20dd2 計画を作る。\n";
    const r = normaliseText(raw);
    expect(r.text).toBe("① 協議を開始する。② 計画を作る。");
    expectInvariants(raw, r);
  });

  it("joins English line-end hyphenation, keeps real hyphens and makes numbered sections headings", () => {
    const raw = ["1. Introduction", "", "The post-war order relied on coordi-", "nation between the US-", "Japan allies and on long-", "range planning; long-range fires matter.", "", "2.3 Method", "", "III. Findings", "", "Text."].join("\n");
    const r = normaliseText(raw);
    expect(blocks(r)).toContainEqual(["paragraph", "The post-war order relied on coordination between the US-Japan allies and on long-range planning; long-range fires matter."]);
    const headings = r.blocks.filter((b) => b.kind === "heading").map((b) => [r.text.slice(b.start, b.end), b.level]);
    expect(headings).toEqual([["1. Introduction", 3], ["2.3 Method", 4], ["III. Findings", 2]]);
  });

  it("links plain-digit markers in English text when the footnote exists, and endnote sections", () => {
    const raw = ["Deterrence rests on credibility.1 It also rests on capability.", "", "Notes", "", "1. Schelling, Arms and Influence, 1966.", ""].join("\n");
    const r = normaliseText(raw);
    const fn = r.blocks.findIndex((b) => b.kind === "footnote");
    expect(fn).toBeGreaterThan(0);
    expect(r.blocks[0]?.footnoteRefs).toEqual([expect.objectContaining({ marker: "1", footnoteBlock: fn })]);
  });
});
