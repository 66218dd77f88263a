import { describe, expect, it } from "vitest";
import { wrapText } from "./pdf-text";

// Every character one unit wide, so a width of 5 means five characters.
const unit = () => 1;

describe("wrapText (PDF line breaking)", () => {
  it("fills Japanese lines to the width and keeps every character, in order", () => {
    const text = "日米同盟における拡大抑止の信頼性をどう高めるか";
    const lines = wrapText(text, 5, unit);
    expect(lines.join("")).toBe(text);
    expect(lines.every((l) => l.length <= 5)).toBe(true);
  });

  it("never starts a line with closing punctuation or small kana, never ends one with an opening bracket", () => {
    const lines = wrapText("あいうえお。かきくけ「こさしすせ」っ", 5, unit);
    expect(lines.some((l) => /^[。」っ]/.test(l))).toBe(false);
    expect(lines.some((l) => /「$/.test(l))).toBe(false);
    expect(lines.join("")).toBe("あいうえお。かきくけ「こさしすせ」っ");
  });

  it("breaks Latin text at spaces and keeps 𠮷 whole", () => {
    expect(wrapText("Alliance Coordination Mechanism", 12, unit)).toEqual(["Alliance", "Coordination", "Mechanism"]);
    const lines = wrapText("𠮷𠮷𠮷𠮷", 2, unit);
    expect(lines).toEqual(["𠮷𠮷", "𠮷𠮷"]);
  });

  it("keeps line breaks of the source", () => {
    expect(wrapText("一\n二", 10, unit)).toEqual(["一", "二"]);
  });
});
