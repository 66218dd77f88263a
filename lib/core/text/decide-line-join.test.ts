import { describe, expect, it } from "vitest";
import { decideLineJoin } from "./decide-line-join";
import { displayWidth, isWideCodePoint } from "./east-asian-width";

describe("decideLineJoin (CSS Text 3 segment break transformation)", () => {
  it("removes the break between two wide characters", () => {
    expect(decideLineJoin("日米両国がより積", "極的な課題に", true).separator).toBe("");
    expect(decideLineJoin("ｶﾀｶﾅ", "ｶﾀｶﾅ", true).separator).toBe(""); // H joins too
  });

  it("keeps a space for Latin and for Latin next to CJK", () => {
    expect(decideLineJoin("extended", "deterrence）", true).separator).toBe(" ");
    expect(decideLineJoin("2015", "年に", false).separator).toBe(" ");
  });

  it("joins a half-width digit and a wide character without a space in Japanese text (issue #12)", () => {
    expect(decideLineJoin("2015", "年に", true).separator).toBe("");
    expect(decideLineJoin("日米「 2＋", "2」", true).separator).toBe("");
  });

  it("joins line-end hyphenation but keeps real hyphens", () => {
    expect(decideLineJoin("better coordi-", "nation", false)).toEqual({ separator: "", dropHyphen: true });
    expect(decideLineJoin("the post-", "war order", false)).toEqual({ separator: "", dropHyphen: false });
    expect(decideLineJoin("the US-", "Japan alliance", false)).toEqual({ separator: "", dropHyphen: false });
    const lexicon = { words: new Set(["multilateral"]), hyphenated: new Set(["long-range"]) };
    expect(decideLineJoin("long-", "range fires", false, lexicon).dropHyphen).toBe(false);
    expect(decideLineJoin("non-", "proliferation", false, { words: new Set(), hyphenated: new Set() }).dropHyphen).toBe(false);
    expect(decideLineJoin("multi-", "lateral", false, lexicon).dropHyphen).toBe(true);
  });

  it("never removes the break around Hangul", () => {
    expect(decideLineJoin("한국", "어", false).separator).toBe(" ");
  });

  it("joins a hyphenated Latin word and drops the hyphen", () => {
    expect(decideLineJoin("inter-", "national", false)).toEqual({ separator: "", dropHyphen: true });
    expect(decideLineJoin("SLCM-", "N", false).dropHyphen).toBe(false); // capital: a compound, not a split word
  });

  it("treats U+FFFD and circled numbers as wide next to Japanese text in a Japanese document", () => {
    expect(decideLineJoin("作戦に関わる\ufffd", "日米", true).separator).toBe("");
    expect(decideLineJoin("作戦に関わる\ufffd", "日米", false).separator).toBe(" ");
  });
});

describe("east asian width", () => {
  it("classifies common characters", () => {
    expect(["あ", "漢", "「", "。", "・", "　", "Ａ", "ｶ", "𠮷"].every((c) => isWideCodePoint(c.codePointAt(0) ?? 0))).toBe(true);
    expect(["A", "—", "①", "\ufffd"].some((c) => isWideCodePoint(c.codePointAt(0) ?? 0))).toBe(false);
    expect(displayWidth("日米ACM", true)).toBe(7);
  });
});
