/**
 * The virtualised reader's row model: cutting a long paragraph, finding rows by offset and
 * block, and estimating heights, on synthetic text and on a demo paper as imported.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normaliseText } from "../text/normalise-text";
import type { Block } from "../text/types";
import { buildRows, estimateRowHeight, PIECE_STRIDE, rowOfOffset, splitBlock, unitKey } from "./virtual-rows";

const DEMO = fileURLToPath(new URL("../../../prisma/demo/", import.meta.url));

describe("splitBlock", () => {
  it("leaves a block of ordinary length whole", () => {
    expect(splitBlock("あ".repeat(2500), { start: 0, end: 2500 })).toEqual([{ start: 0, end: 2500 }]);
  });

  it("cuts a 200,000-character paragraph into pieces that cover it exactly, after sentence ends", () => {
    const sentence = "防衛力の抜本的強化について検討する。";
    const text = sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
    const pieces = splitBlock(text, { start: 0, end: text.length });
    expect(pieces.length).toBeGreaterThan(80);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces[pieces.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
    for (const p of pieces.slice(0, -1)) {
      expect(text[p.end - 1]).toBe("。");
      expect(p.end - p.start).toBeLessThanOrEqual(2_000);
    }
  });

  it("never cuts a surrogate pair or next to a footnote marker", () => {
    // No sentence ends: the cut falls at the ideal place, moved past what it must not split.
    const text = "𠮷".repeat(3000);
    const ref = { marker: "1", start: 2000, end: 2001 };
    const pieces = splitBlock(text, { start: 0, end: text.length, footnoteRefs: [ref] });
    for (const p of pieces.slice(1)) {
      const c = text.charCodeAt(p.start);
      expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
      expect(p.start > ref.start - 2 && p.start < ref.end).toBe(false);
    }
    expect(pieces.map((p) => text.slice(p.start, p.end)).join("")).toBe(text);
  });

  it("keeps a 10 MB paragraph under the key stride", () => {
    const text = "a".repeat(10_000_000);
    expect(splitBlock(text, { start: 0, end: text.length }).length).toBeLessThan(PIECE_STRIDE);
  });
});

describe("buildRows", () => {
  const text = `見出し\n\n${"長い段落。".repeat(1000)}\n\n項目一\n\n項目二\n\n${"注"}`;
  const p = 5 + 5000;
  const blocks: Block[] = [
    { kind: "heading", start: 0, end: 3, level: 1 },
    { kind: "paragraph", start: 5, end: p },
    { kind: "list_item", start: p + 2, end: p + 5, level: 1 },
    { kind: "list_item", start: p + 7, end: p + 10, level: 1 },
    { kind: "footnote", start: p + 12, end: p + 13 },
  ];
  const model = buildRows(text, blocks);

  it("makes one row per layout item and one per piece of a long paragraph", () => {
    const kinds = model.rows.map((r) => (r.piece ? `piece${r.piece.index}${r.piece.last ? "!" : ""}` : r.item.kind));
    expect(kinds[0]).toBe("block");
    expect(kinds.filter((k) => k.startsWith("piece")).length).toBeGreaterThan(1);
    expect(kinds.at(-2)).toBe("list");
    expect(model.rows.at(-2)!.units.map((u) => u.block)).toEqual([2, 3]);
    expect(model.units.map((u) => text.slice(u.start, u.end)).join("")).toBe(blocks.map((b) => text.slice(b.start, b.end)).join(""));
  });

  it("finds the row of an offset and of a block", () => {
    expect(rowOfOffset(model, 0)).toBe(0);
    expect(rowOfOffset(model, 5)).toBe(1);
    expect(model.rows[rowOfOffset(model, 4000)]!.units[0]!.start).toBeLessThanOrEqual(4000);
    expect(model.rows[rowOfOffset(model, 4000)]!.units[0]!.end).toBeGreaterThan(4000);
    expect(rowOfOffset(model, p + 8)).toBe(model.rows.length - 2);
    expect(rowOfOffset(model, text.length + 100)).toBe(model.rows.length - 1);
    expect(model.rowOfBlock[3]).toBe(model.rows.length - 2);
    expect(model.rowOfKey.get(unitKey(1, 1))).toBe(2);
  });

  it("covers a demo paper's text with units in text order", () => {
    const paper = normaliseText(readFileSync(`${DEMO}002_91ae9ad2d9043cbd.txt`, "utf8"));
    const m = buildRows(paper.text, paper.blocks);
    expect(m.units.length).toBe(paper.blocks.length);
    for (let i = 1; i < m.units.length; i++) expect(m.units[i]!.start).toBeGreaterThanOrEqual(m.units[i - 1]!.end);
    const heading = paper.blocks.findLastIndex((b) => b.kind === "heading");
    expect(m.rows[m.rowOfBlock[heading]!]!.units.some((u) => u.block === heading)).toBe(true);
  });
});

describe("estimateRowHeight", () => {
  const metrics = { charsPerLine: 40, lineHeight: 30, gap: 16 };
  it("grows with the text and counts half-width characters as half", () => {
    const ja = "あ".repeat(400);
    const en = "a".repeat(400);
    const row = (t: string) => ({ item: { kind: "block" as const, block: 0 }, units: [{ key: 0, block: 0, piece: 0, start: 0, end: t.length }] });
    expect(estimateRowHeight(ja, row(ja), metrics)).toBe(16 + 10 * 30);
    expect(estimateRowHeight(en, row(en), metrics)).toBeLessThan(estimateRowHeight(ja, row(ja), metrics));
    expect(estimateRowHeight("", { ...row(""), units: [{ key: 0, block: 0, piece: 0, start: 0, end: 0 }] }, metrics)).toBe(16 + 30);
  });
});
