/**
 * Typeset PDFs with known paragraphs (tests/support/typeset-corpus.ts) through the
 * real import path: at least 95% of the true paragraphs come out as exactly one block,
 * no furniture is left in any block, and footnotes, headings and pages are kept.
 */
import { describe, expect, it } from "vitest";
import { checkInvariants } from "../../lib/core/text";
import { extractSource } from "../../lib/server/import/extract-source";
import { typeset } from "../support/typeset";
import { testPapers } from "../support/typeset-corpus";

const papers = testPapers();
// Paragraphs found whole, per paper: the 95% bar is over the whole corpus, since a paragraph
// that ends exactly at a full last line of a page is ambiguous in any one paper.
const found = new Map<string, { whole: number; total: number }>();

describe.each(papers.map((p) => [p.name, p] as const))("typeset PDF %s", (_name, paper) => {
  const result = typeset(paper.pieces, paper.style).then((bytes) => extractSource(`${paper.name}.pdf`, bytes));

  it("gives at least 95% of its true paragraphs as exactly one block, with no furniture in any block", async () => {
    const r = (await result).normalised;
    const texts = r.blocks.map((b) => r.text.slice(b.start, b.end));
    const whole = paper.paragraphs.filter((p) => texts.some((t) => t === p || t.replace(/(?<=[。.])\d{1,2}$/, "") === p));
    found.set(paper.name, { whole: whole.length, total: paper.paragraphs.length });
    expect(whole.length / paper.paragraphs.length).toBeGreaterThanOrEqual(0.9);
    for (const t of texts) for (const f of paper.furniture) expect(t).not.toContain(f);
    expect(r.dropped.some((d) => d.reason === "page_number")).toBe(true);
    expect(r.dropped.some((d) => d.reason === "running_header")).toBe(true);
  });

  it("keeps every visible character or reports it dropped, and page numbers on blocks", async () => {
    const src = await result;
    expect(checkInvariants(src.raw, src.normalised).errors).toEqual([]);
    const pages = src.normalised.blocks.map((b) => b.page ?? 0);
    expect(Math.max(...pages)).toBeGreaterThan(1);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });
});

describe("typeset PDF corpus", () => {
  it("gives at least 95% of all true paragraphs as exactly one block", () => {
    expect(found.size).toBe(papers.length);
    const all = [...found.values()].reduce((a, b) => ({ whole: a.whole + b.whole, total: a.total + b.total }));
    expect(all.whole / all.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe("typeset PDF details", () => {
  it("Japanese: footnotes at the page bottom become footnote blocks linked to plain-digit markers", async () => {
    const paper = papers[0]!;
    const r = (await extractSource("a.pdf", await typeset(paper.pieces, paper.style))).normalised;
    const notes = r.blocks.filter((b) => b.kind === "footnote");
    expect(notes.map((b) => b.label)).toEqual(["1", "5", "9", "13"]);
    const linked = r.blocks.flatMap((b) => b.footnoteRefs ?? []).filter((f) => f.footnoteBlock !== undefined);
    expect(linked.map((f) => f.marker)).toEqual(["1", "5", "9", "13"]);
    expect(r.title).toBe("日米同盟の抑止力と課題");
  });

  it("English: numbered sections are headings with levels and hyphenation is joined", async () => {
    const paper = papers[2]!;
    const r = (await extractSource("c.pdf", await typeset(paper.pieces, paper.style))).normalised;
    const headings = r.blocks.filter((b) => b.kind === "heading").map((b) => [r.text.slice(b.start, b.end), b.level]);
    expect(headings).toEqual([["Renewing Alliance Deterrence", 1], ["1. Introduction", 3], ["2.1 Method", 4], ["III. Findings", 2]]);
    expect(r.text).toContain("post-war");
    expect(r.text).not.toMatch(/[a-z]- [a-z]/);
    expect(r.dropped.some((d) => d.reason === "hyphenation")).toBe(true);
  });
});
