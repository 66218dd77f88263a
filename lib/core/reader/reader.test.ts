/**
 * The reader's pure helpers, on synthetic blocks and on the demo papers as imported
 * (002 has footnote markers inside headings and paragraphs, 001 deep heading levels).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normaliseText } from "../text/normalise-text";
import type { Block } from "../text/types";
import { blockIndexAt, buildOutline, splitLastChar, canonicalToSegment, footnoteBacklinks, headingRank, layoutBlocks, pageBreaks, plainTextOf, sanitiseBlocks, segmentBlock, segmentToCanonical, toCanonical, toRendered, type OutlineNode } from "./index";

const DEMO = fileURLToPath(new URL("../../../prisma/demo/", import.meta.url));
const paper = (name: string) => normaliseText(readFileSync(`${DEMO}${name}.txt`, "utf8"));

// "𠮷" is two UTF-16 code units: offsets must count code units, not code points.
const TEXT = "見出し¹\n\n本文𠮷の²段落。\n\n¹ 注の本文\n\n² 二つ目";
const BLOCKS: Block[] = [
  { kind: "heading", start: 0, end: 4, level: 1, footnoteRefs: [{ marker: "1", start: 3, end: 4, footnoteBlock: 2 }] },
  { kind: "paragraph", start: 6, end: 15, footnoteRefs: [{ marker: "2", start: 11, end: 12, footnoteBlock: 3 }] },
  { kind: "footnote", start: 17, end: 23, label: "1" },
  { kind: "footnote", start: 25, end: 30, label: "2" },
];

describe("segmentBlock", () => {
  it("cuts at markers and covers the block exactly", () => {
    const segs = segmentBlock(TEXT, BLOCKS[1]!);
    expect(segs.map((s) => [s.kind, s.text])).toEqual([["text", "本文𠮷の"], ["marker", "²"], ["text", "段落。"]]);
    expect(segs.map((s) => s.text).join("")).toBe(TEXT.slice(6, 15));
    expect(segs[1]).toMatchObject({ start: 11, end: 12, footnoteBlock: 3, refIndex: 0 });
  });

  it("keeps a block without markers as one text segment, an empty block too", () => {
    expect(segmentBlock(TEXT, BLOCKS[2]!)).toEqual([{ kind: "text", start: 17, end: 23, text: "¹ 注の本文" }]);
    expect(segmentBlock("", { kind: "paragraph", start: 0, end: 0 })).toHaveLength(1);
  });

  it("ignores references out of order or outside the block instead of duplicating text", () => {
    const b: Block = { kind: "paragraph", start: 6, end: 15, footnoteRefs: [{ marker: "2", start: 11, end: 12 }, { marker: "x", start: 8, end: 9 }, { marker: "y", start: 14, end: 20 }] };
    expect(segmentBlock(TEXT, b).map((s) => s.text).join("")).toBe(TEXT.slice(6, 15));
  });

  it("covers every block of the demo papers exactly", () => {
    for (const name of ["001_76d4a68181cabaa2", "002_91ae9ad2d9043cbd", "003_739229ce7d15924f"]) {
      const r = paper(name);
      for (const b of r.blocks) expect(segmentBlock(r.text, b).map((s) => s.text).join("")).toBe(r.text.slice(b.start, b.end));
    }
  });

  it("splits off the last character before a marker, surrogate pairs whole", () => {
    expect(splitLastChar("本文𠮷")).toEqual(["本文", "𠮷"]);
    expect(splitLastChar("会")).toEqual(["", "会"]);
    expect(splitLastChar("")).toEqual(["", ""]);
  });

  it("gives outline titles without markers", () => {
    expect(plainTextOf(TEXT, BLOCKS[0]!)).toBe("見出し");
  });
});

describe("offset mapping", () => {
  it("maps rendered offsets of a block to canonical offsets and back", () => {
    const b = BLOCKS[1]!;
    expect(toCanonical(b, 0)).toBe(6);
    expect(toCanonical(b, 4)).toBe(10); // after the surrogate pair
    expect(toCanonical(b, 99)).toBe(15);
    expect(toRendered(b, 10)).toBe(4);
    expect(toRendered(b, 5)).toBeNull();
  });

  it("maps a position in a marker link exactly", () => {
    const segs = segmentBlock(TEXT, BLOCKS[1]!);
    expect(segmentToCanonical(segs, 1, 0)).toBe(11);
    expect(segmentToCanonical(segs, 1, 1)).toBe(12);
    expect(segmentToCanonical(segs, 2, 3)).toBe(15);
    expect(canonicalToSegment(segs, 11)).toEqual({ index: 1, offset: 0 });
    expect(canonicalToSegment(segs, 12)).toEqual({ index: 2, offset: 0 });
    expect(canonicalToSegment(segs, 15)).toEqual({ index: 2, offset: 3 });
    expect(canonicalToSegment(segs, 16)).toBeNull();
  });

  it("round-trips every offset of a demo paper through its segments", () => {
    const r = paper("002_91ae9ad2d9043cbd");
    for (const b of r.blocks) {
      const segs = segmentBlock(r.text, b);
      for (let o = b.start; o <= b.end; o++) {
        const at = canonicalToSegment(segs, o)!;
        expect(segmentToCanonical(segs, at.index, at.offset)).toBe(o);
      }
    }
  });

  it("finds the block at an offset, none between blocks", () => {
    expect(blockIndexAt(BLOCKS, 0)).toBe(0);
    expect(blockIndexAt(BLOCKS, 4)).toBe(0);
    expect(blockIndexAt(BLOCKS, 5)).toBeNull();
    expect(blockIndexAt(BLOCKS, 20)).toBe(2);
    expect(blockIndexAt(BLOCKS, 99)).toBeNull();
    const touching: Block[] = [{ kind: "paragraph", start: 0, end: 3 }, { kind: "paragraph", start: 3, end: 5 }];
    expect(blockIndexAt(touching, 3)).toBe(1);
  });
});

describe("buildOutline", () => {
  const h = (level: number | undefined, start: number): Block => ({ kind: "heading", start, end: start + 1, ...(level ? { level } : {}) });

  it("nests headings by level, tolerating skipped and deep first levels", () => {
    const text = "ABCDEFG";
    const tree = buildOutline(text, [h(3, 0), h(2, 1), h(4, 2), { kind: "paragraph", start: 3, end: 4 }, h(3, 4), h(undefined, 5), h(2, 6)]);
    const shape = (n: OutlineNode): unknown => [n.title, n.children.map(shape)];
    expect(tree.map(shape)).toEqual([["A", []], ["B", [["C", []], ["E", []]]], ["F", [["G", []]]]]);
    expect(tree[1]!.children[1]!.block).toBe(4);
  });

  it("gives the 002 paper its sections with the footnote marker removed", () => {
    const r = paper("002_91ae9ad2d9043cbd");
    const titles = (nodes: OutlineNode[]): string[] => nodes.flatMap((n) => [n.title, ...titles(n.children)]);
    const all = titles(buildOutline(r.text, r.blocks));
    expect(all).toContain("1 はじめに");
    expect(all).toContain("2 日米防衛協力の歴史");
    expect(all).toContain("5 おわりに");
  });

  it("ranks headings below the page title", () => {
    expect([headingRank(undefined), headingRank(1), headingRank(3), headingRank(9)]).toEqual([2, 2, 4, 6]);
  });
});

describe("layoutBlocks and pageBreaks", () => {
  it("marks a page only where it changes", () => {
    const blocks: Block[] = [
      { kind: "heading", start: 0, end: 1, page: 1 },
      { kind: "paragraph", start: 2, end: 3, page: 1 },
      { kind: "paragraph", start: 4, end: 5, page: 2 },
      { kind: "paragraph", start: 6, end: 7 },
      { kind: "paragraph", start: 8, end: 9, page: 2 },
      { kind: "paragraph", start: 10, end: 11, page: 4 },
    ];
    expect([...pageBreaks(blocks)]).toEqual([[0, 1], [2, 2], [5, 4]]);
    expect(pageBreaks(BLOCKS).size).toBe(0);
  });

  it("groups runs of list items and glossary blocks, keeping page changes inside a run", () => {
    const blocks: Block[] = [
      { kind: "paragraph", start: 0, end: 1, page: 1 },
      { kind: "list_item", start: 2, end: 3, page: 1 },
      { kind: "list_item", start: 4, end: 5, page: 2 },
      { kind: "glossary", start: 6, end: 7, page: 2 },
      { kind: "glossary", start: 8, end: 9, page: 2 },
      { kind: "list_item", start: 10, end: 11, page: 3 },
    ];
    expect(layoutBlocks(blocks)).toEqual([
      { kind: "block", block: 0, pageBreak: 1 },
      { kind: "list", blocks: [1, 2], pageBreaks: { 2: 2 } },
      { kind: "glossary", blocks: [3, 4], pageBreaks: {} },
      { kind: "list", blocks: [5], pageBreaks: {}, pageBreak: 3 },
    ]);
  });

  it("covers every block once, in order", () => {
    const r = paper("003_739229ce7d15924f");
    const order = layoutBlocks(r.blocks).flatMap((it) => (it.kind === "block" ? [it.block] : it.blocks));
    expect(order).toEqual(r.blocks.map((_, i) => i));
  });
});

describe("footnoteBacklinks", () => {
  it("lists the markers that cite each footnote", () => {
    const links = footnoteBacklinks(BLOCKS);
    expect(links.get(2)).toEqual([{ block: 0, ref: 0, marker: "1" }]);
    expect(links.get(3)).toEqual([{ block: 1, ref: 0, marker: "2" }]);
  });

  it("links every footnote of the 002 paper back to a marker", () => {
    const r = paper("002_91ae9ad2d9043cbd");
    const links = footnoteBacklinks(r.blocks);
    const footnotes = r.blocks.flatMap((b, i) => (b.kind === "footnote" ? [i] : []));
    expect(footnotes.length).toBeGreaterThan(30);
    for (const f of footnotes) expect(links.get(f)?.length).toBeGreaterThan(0);
  });
});

describe("sanitiseBlocks", () => {
  it("keeps well-formed stored blocks as they are", () => {
    expect(sanitiseBlocks(JSON.parse(JSON.stringify(BLOCKS)), TEXT.length)).toEqual(BLOCKS);
  });

  it("skips blocks out of range, out of order or of unknown kind, and remaps footnote targets", () => {
    const raw = [
      { kind: "paragraph", start: 0, end: 2 },
      { kind: "bogus", start: 3, end: 4 },
      { kind: "paragraph", start: 1, end: 3 }, // overlaps the first
      { kind: "paragraph", start: 5, end: 500 },
      { kind: "paragraph", start: 5, end: 8, page: 0, level: "2", footnoteRefs: [{ marker: "1", start: 6, end: 7, footnoteBlock: 5 }, { marker: "2", start: 7, end: 8, footnoteBlock: 0 }, "junk"] },
      { kind: "footnote", start: 10, end: 12 },
    ];
    expect(sanitiseBlocks(raw, 20)).toEqual([
      { kind: "paragraph", start: 0, end: 2 },
      { kind: "paragraph", start: 5, end: 8, footnoteRefs: [{ marker: "1", start: 6, end: 7, footnoteBlock: 2 }, { marker: "2", start: 7, end: 8 }] },
      { kind: "footnote", start: 10, end: 12 },
    ]);
    expect(sanitiseBlocks(null, 10)).toEqual([]);
  });

  it("keeps the OCR mark of a block when its confidence is a percentage", () => {
    const raw = [
      { kind: "paragraph", start: 0, end: 2, page: 1, ocr: { confidence: 83.4 } },
      { kind: "paragraph", start: 3, end: 4, ocr: { confidence: "high" } },
      { kind: "paragraph", start: 5, end: 6, ocr: { confidence: 140 } },
    ];
    expect(sanitiseBlocks(raw, 10)).toEqual([
      { kind: "paragraph", start: 0, end: 2, page: 1, ocr: { confidence: 83 } },
      { kind: "paragraph", start: 3, end: 4 },
      { kind: "paragraph", start: 5, end: 6 },
    ]);
  });
});
