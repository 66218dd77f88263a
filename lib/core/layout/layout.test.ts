import { describe, expect, it } from "vitest";
import { normaliseText } from "../text/normalise-text";
import { checkInvariants } from "../text/check-invariants";
import { buildImportReport } from "../text/build-report";
import { footnoteMarker, furnitureKey, isPageNumber, layoutPdf, type PdfPageText, type PdfTextItem } from "./index";

const H = 842;
const item = (str: string, x: number, y: number, size = 10, width = str.length * size): PdfTextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });

/** A page of full lines (width 400 from x 100) at 14pt pitch from the top, plus extra items. */
function page(lines: string[], extra: PdfTextItem[] = [], opts: { lastShort?: boolean; indentFirst?: boolean } = {}): PdfPageText {
  const items = lines.map((l, k) => {
    const short = opts.lastShort && k === lines.length - 1;
    const x = opts.indentFirst && k === 0 ? 110 : 100;
    return item(l, x, 760 - k * 14, 10, short ? 200 : 500 - x);
  });
  return { width: 595, height: H, items: [...items, ...extra] };
}

function run(pages: PdfPageText[]) {
  const layout = layoutPdf(pages);
  const raw = layout.pages.join("\f");
  const r = normaliseText(layout.pages, { lineHints: layout.hints });
  expect(checkInvariants(raw, r).errors).toEqual([]);
  return { r, texts: r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end), b.page] as const) };
}

describe("layout rules", () => {
  it("recognises page numbers in the usual forms and abstracts digits in header keys", () => {
    for (const p of ["3", "- 3 -", "－３－", "Page 3", "p. 3", "3 / 15", "3頁", "Page 3 of 15", "- iii -"]) expect(isPageNumber(p)).toBe(true);
    for (const p of ["2025年", "Table 3", "3 は"]) expect(isPageNumber(p)).toBe(false);
    expect(furnitureKey("安全保障を考える　令和6年8月号")).toBe(furnitureKey("安全保障を考える 令和7年10月号"));
  });

  it("reads footnote markers", () => {
    expect(footnoteMarker("1 防衛白書")).toBe("1");
    expect(footnoteMarker("12防衛白書")).toBe("12");
    expect(footnoteMarker("¹ Source")).toBe("1");
    expect(footnoteMarker("注3 出典")).toBe("3");
    expect(footnoteMarker("2025年の")).toBeNull();
  });

  it("drops repeated headers and page numbers, joins a paragraph across the page break, makes small bottom lines footnotes", () => {
    const header = (n: number) => item(`CENTER FOR ALLIANCE STUDIES ${n}`, 100, 800, 8);
    const num = (n: number) => item(`- ${n} -`, 280, 40, 8);
    const p1 = page(["The alliance has long rested on a division of", "labour that few questioned.1 It continues to", "evolve in ways that matter for planning and"], [header(1), num(1), item("1 See the white paper.", 100, 90, 7)]);
    const p2 = page(["operations across the region.", "A new paragraph starts here and runs on to the", "end of the line."], [header(2), num(2)], { lastShort: true });
    const p3 = page(["Third page text that is a paragraph on its own."], [header(3), num(3)], { lastShort: true });
    p2.items = p2.items.map((it, k) => (k === 0 ? { ...it, width: 200 } : it));
    const { r, texts } = run([p1, p2, p3]);
    expect(texts[0]).toEqual(["paragraph", "The alliance has long rested on a division of labour that few questioned.1 It continues to evolve in ways that matter for planning and operations across the region.", 1]);
    expect(texts.some(([k, t]) => k === "footnote" && t === "1 See the white paper.")).toBe(true);
    expect(r.blocks[0]?.footnoteRefs?.[0]).toMatchObject({ marker: "1" });
    expect(r.text).not.toMatch(/CENTER|- \d -/);
    const report = buildImportReport(r);
    expect(report.dropped.map((d) => [d.reason, d.count])).toEqual(expect.arrayContaining([["running_header", 3], ["page_number", 3]]));
  });

  it("reads two columns column by column", () => {
    const left = ["左の段の一行目である日米同盟は", "左の段の二行目に続く文章であり", "左の段の三行目で終わる。"].map((t, k) => item(t, 60, 760 - k * 14, 10, k === 2 ? 120 : 230));
    const right = ["右の段の一行目である拡大抑止は", "右の段の二行目に続く文章であり", "右の段の三行目で終わる。"].map((t, k) => item(t, 310, 760 - k * 14, 10, k === 2 ? 120 : 230));
    const { texts } = run([{ width: 595, height: H, items: [...right, ...left] }]);
    expect(texts.map(([, t]) => t)).toEqual(["左の段の一行目である日米同盟は左の段の二行目に続く文章であり左の段の三行目で終わる。", "右の段の一行目である拡大抑止は右の段の二行目に続く文章であり右の段の三行目で終わる。"]);
  });

  it("reads a tategaki page right to left, column by column", () => {
    const text = "縦書きの文章は右から左へと読まれる。";
    const items: PdfTextItem[] = [];
    [...text].forEach((ch, i) => items.push(item(ch, 500 - Math.floor(i / 6) * 17, 760 - (i % 6) * 10, 10, 10)));
    const { texts } = run([{ width: 595, height: H, items }]);
    expect(texts.map(([, t]) => t)).toEqual([text]);
  });

  it("reports per-page text and leaves textless pages to the caller", () => {
    const layout = layoutPdf([page(["Some text on the first page."], [], { lastShort: true }), { width: 595, height: H, items: [] }]);
    expect(layout.hasText).toEqual([true, false]);
    expect(layout.hints.length).toBe(2);
  });
});
