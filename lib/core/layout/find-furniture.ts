/**
 * Page furniture of a typeset PDF: running headers and footers are lines near the
 * top or bottom edge whose text (digits abstracted) repeats at about the same height
 * on many pages; page numbers are edge lines in one of the usual forms.
 */
import type { DropReason } from "../text/types";
import type { LayoutLine } from "./types";

const PAGE_NUMBER_FORMS: readonly RegExp[] = [
  /^[-–—‐－―(（[〔<]?\s*[0-9０-９]{1,4}\s*[-–—‐－―)）\]〕>]?$/, // 3, - 3 -, (3), －３－
  /^(?:p\.?|pp\.?|page|pg\.?)\s*[0-9]{1,4}(?:\s*(?:of|\/)\s*[0-9]{1,4})?$/i, // Page 3, p. 3, Page 3 of 15
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/, // 3 / 15
  /^(?:第\s*)?[0-9０-９]{1,4}\s*(?:頁|ページ)$/, // 3頁, 第3頁
  /^[-–—(]?\s*[ivxlc]{1,6}\s*[-–—)]?$/, // - iii -
];

/** True when `text` is a page number in one of the usual forms. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER_FORMS.some((re) => re.test(t));
}

/** The text with digits abstracted and spaces removed: "令和6年8月号 3" → "令和#年#月号#". */
export function furnitureKey(text: string): string {
  return text.replace(/[\s\u3000]/g, "").replace(/[0-9０-９]+/g, "#");
}

interface Edge {
  line: LayoutLine;
  top: boolean;
}

// The three lines nearest each edge of the page are where furniture lives.
function edges(page: readonly LayoutLine[], height: number): Edge[] {
  const byTop = [...page].sort((a, b) => b.top - a.top);
  const out: Edge[] = [];
  const widest = Math.max(0, ...page.map((l) => l.u1 - l.u0));
  // A full-width line holding a sentence is body text, however alike the pages begin.
  const bodyLike = (l: LayoutLine): boolean => l.u1 - l.u0 > widest * 0.85 && page.length > 4 && !isPageNumber(l.text);
  for (const line of byTop.slice(0, 3)) if (line.bottom > height * 0.5 && !bodyLike(line)) out.push({ line, top: true });
  for (const line of byTop.slice(-3)) if (line.top < height * 0.5 && !bodyLike(line) && !out.some((e) => e.line === line)) out.push({ line, top: false });
  return out;
}

/**
 * Drop reasons for furniture lines. `pages` holds each page's lines; `heights` the
 * page heights. Repetition needs at least two pages and a third of the pages with text.
 */
export function findFurniture(pages: readonly (readonly LayoutLine[])[], heights: readonly number[]): Map<LayoutLine, DropReason> {
  const out = new Map<LayoutLine, DropReason>();
  const all: Edge[] = [];
  pages.forEach((page, p) => all.push(...edges(page, heights[p] ?? 842)));
  const withText = pages.filter((p) => p.length > 0).length;
  const groups = new Map<string, Edge[]>();
  for (const e of all) {
    const key = furnitureKey(e.line.text);
    // Headers are short and are not sentences; body lines that start alike ("第1の論点…") are not headers.
    if (key.length === 0 || key.length > 60 || /[。．.!?！？]$|。/.test(e.line.text)) continue;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const needed = Math.max(2, Math.ceil(withText * 0.3));
  for (const group of groups.values()) {
    const ys = group.map((e) => e.line.v).sort((a, b) => a - b);
    const median = ys[Math.floor(ys.length / 2)] ?? 0;
    const tolerance = Math.max(...group.map((e) => e.line.size)) * 1.5;
    const near = group.filter((e) => Math.abs(e.line.v - median) <= tolerance);
    const pagesSeen = new Set(near.map((e) => e.line.page)).size;
    if (pagesSeen < needed) continue;
    for (const e of near) out.set(e.line, isPageNumber(e.line.text) ? "page_number" : e.top ? "running_header" : "running_footer");
  }
  for (const e of all) if (!out.has(e.line) && isPageNumber(e.line.text)) out.set(e.line, "page_number");
  return out;
}
