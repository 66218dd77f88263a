import { describe, expect, it } from "vitest";
import { betterReading, readTesseractTsv } from "./read-tsv";

const HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (block: number, par: number, line: number, conf: number, text: string) => `5\t1\t${block}\t${par}\t${line}\t1\t0\t0\t1\t1\t${conf}\t${text}`;

describe("readTesseractTsv", () => {
  it("joins Japanese characters without spaces, Latin words with one, lines and paragraphs apart", () => {
    const tsv = [HEAD, "4\t1\t1\t1\t1\t0\t0\t0\t1\t1\t-1\t", word(1, 1, 1, 90, "日"), word(1, 1, 1, 80, "米"), word(1, 1, 1, 90, "同盟"), word(1, 1, 2, 95, "The"), word(1, 1, 2, 95, "alliance"), word(2, 1, 1, 50, "二")].join("\n");
    const r = readTesseractTsv(tsv);
    expect(r.text).toBe("日米同盟\nThe alliance\n\n二");
    expect(r.words).toBe(6);
    expect(r.confidence).toBeGreaterThan(80);
    expect(r.confidence).toBeLessThan(95);
  });

  it("gives an empty page confidence 0", () => {
    expect(readTesseractTsv(HEAD)).toEqual({ text: "", confidence: 0, words: 0 });
  });

  it("prefers the substantial, then the more confident reading", () => {
    const a = { text: "日米同盟の抑止", confidence: 60, words: 7 };
    const b = { text: "一", confidence: 95, words: 1 };
    expect(betterReading(a, b)).toBe(a);
    expect(betterReading(a, { ...a, confidence: 70 }).confidence).toBe(70);
  });
});
