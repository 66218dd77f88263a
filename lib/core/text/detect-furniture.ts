/**
 * Page furniture: running headers and footers, page numbers and duplicated link
 * lines that PDF extraction leaves in the flow. Marks `Line.drop`; the lines are then
 * reported as dropped spans and skipped by segmentation.
 */
import type { Line } from "./split-lines";

const PAGE_NUMBER = /^(?:[-–—(（[]\s*)?(?:p\.\s*|page\s+)?[0-9０-９]{1,3}(?:\s*[-–—)）\]])?$|^[0-9]{1,3}\s*\/\s*[0-9]{1,3}$/i;

// A header keeps its words but its page number changes: compare lines without
// digits and spaces ("□提□□□言2", "2 提 言" → "提言").
function furnitureKey(text: string): string {
  return text.replace(/[\s\u3000\u2002\d０-９]/g, "");
}

function isCandidate(line: Line): boolean {
  const key = furnitureKey(line.text);
  return key.length >= 2 && key.length <= 30 && !/[。．]$/.test(line.text) && line.width <= 80;
}

/** Marks furniture lines in place and returns how many were marked. */
export function detectFurniture(lines: Line[], pageCount: number): number {
  const content = lines.filter((l) => !l.blank);
  let marked = 0;
  const mark = (line: Line, reason: string): void => {
    if (line.drop === undefined) {
      line.drop = reason;
      marked++;
    }
  };
  markPageNumbers(lines, pageCount, mark);
  if (pageCount > 1) markRepeatedPageEdges(content, pageCount, mark);
  else markRepeatedLines(content, lines, mark);
  // Link annotations are often extracted twice: the same URL on two consecutive lines.
  for (let i = 1; i < content.length; i++) {
    const a = content[i - 1];
    const b = content[i];
    if (!a || !b || !/^https?:\/\//.test(b.text)) continue;
    if (a.text.replace(/[.\s]+$/, "") === b.text.replace(/[.\s]+$/, "")) mark(b, "duplicate_line");
  }
  return marked;
}

function markPageNumbers(lines: readonly Line[], pageCount: number, mark: (l: Line, r: string) => void): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.blank || !PAGE_NUMBER.test(line.text)) continue;
    const before = lines[i - 1];
    const after = lines[i + 1];
    // Without page boundaries, only a number standing alone between blank lines is one.
    const isolated = (!before || before.blank || before.page !== line.page) && (!after || after.blank || after.page !== line.page);
    if (pageCount > 1 || isolated) mark(line, "page_number");
  }
}

function markRepeatedLines(content: readonly Line[], lines: readonly Line[], mark: (l: Line, r: string) => void): void {
  const counts = new Map<string, { n: number; digits: number }>();
  for (const line of content) {
    if (!isCandidate(line)) continue;
    const key = furnitureKey(line.text);
    const entry = counts.get(key) ?? { n: 0, digits: 0 };
    entry.n++;
    // The page number sits at either end: "提言2", "2 提 言"; not inside "【セッション１】".
    if (/^[0-9０-９]|[0-9０-９]$/.test(line.text)) entry.digits++;
    counts.set(key, entry);
  }
  // Repeated with a page number at least twice: "（了）" or "である。" repeat too but are
  // text, and a heading "7 拡大抑止" next to the glossary term "拡大抑止" is one number.
  const repeated = (key: string): boolean => (counts.get(key)?.digits ?? 0) >= 2;
  for (const line of content) if (isCandidate(line) && repeated(furnitureKey(line.text))) mark(line, "running_header");
  // A header wrapped onto two lines: "3 参考資料：" + "SPF日米同盟拡大抑止ワークショップ".
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (!a || !b || a.blank || b.blank) continue;
    if (repeated(furnitureKey(a.text) + furnitureKey(b.text))) {
      mark(a, "running_header");
      mark(b, "running_header");
    }
  }
}

function markRepeatedPageEdges(content: readonly Line[], pageCount: number, mark: (l: Line, r: string) => void): void {
  const byPage = new Map<number, Line[]>();
  for (const line of content) {
    const pageLines = byPage.get(line.page);
    if (pageLines) pageLines.push(line);
    else byPage.set(line.page, [line]);
  }
  const edges: { line: Line; top: boolean }[] = [];
  for (const pageLines of byPage.values()) {
    pageLines.slice(0, 2).forEach((line) => edges.push({ line, top: true }));
    pageLines.slice(Math.max(2, pageLines.length - 2)).forEach((line) => edges.push({ line, top: false }));
  }
  const counts = new Map<string, number>();
  for (const { line } of edges) if (isCandidate(line)) counts.set(furnitureKey(line.text), (counts.get(furnitureKey(line.text)) ?? 0) + 1);
  const threshold = Math.max(2, Math.ceil(pageCount * 0.3));
  for (const { line, top } of edges) {
    if (isCandidate(line) && (counts.get(furnitureKey(line.text)) ?? 0) >= threshold) mark(line, top ? "running_header" : "running_footer");
  }
}
