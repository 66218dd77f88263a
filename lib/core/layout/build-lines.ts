/**
 * Text items of one page → lines. Horizontal items sharing a baseline form a line
 * (split where a wide gap shows a column gutter); vertical text — items of a vertical
 * font, items rotated a quarter turn, or upright characters stacked in columns, as
 * pdf generators draw tategaki — forms columns, mapped into the same frame (see
 * `LayoutLine`).
 */
import { isWideAt } from "../text/east-asian-width";
import type { LayoutLine, PdfPageText, PdfTextItem } from "./types";

/** A text item placed in its reading frame: a line in the making. */
type Run = Omit<LayoutLine, "page" | "column">;

const clean = (s: string): string => s.replace(/[\r\n\f]/g, " ");

function sizeOf(t: readonly number[]): number {
  return Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.hypot(t[0] ?? 0, t[1] ?? 0) || 1;
}

// Upright single characters with another one right below them: drawn tategaki.
function stackedSingles(items: readonly PdfTextItem[]): Set<PdfTextItem> {
  const singles = items.filter((i) => [...i.str].length === 1 && Math.abs(i.transform[1] ?? 0) < 1e-6 && i.str.trim() !== "");
  const byX = new Map<number, PdfTextItem[]>();
  for (const it of singles) {
    const k = Math.round((it.transform[4] ?? 0) / 2);
    byX.set(k, [...(byX.get(k) ?? []), it]);
  }
  const out = new Set<PdfTextItem>();
  for (const col of byX.values()) {
    if (col.length < 2) continue;
    col.sort((a, b) => (b.transform[5] ?? 0) - (a.transform[5] ?? 0));
    for (let k = 1; k < col.length; k++) {
      const a = col[k - 1]!;
      const b = col[k]!;
      const step = (a.transform[5] ?? 0) - (b.transform[5] ?? 0);
      if (step > 0.7 * sizeOf(a.transform) && step < 1.8 * sizeOf(a.transform)) out.add(a).add(b);
    }
  }
  // A few stacked pairs happen by chance (a table column); a tategaki page has many.
  return out.size >= 8 ? out : new Set();
}

function toRun(it: PdfTextItem, page: PdfPageText, stacked: boolean): Run {
  const t = it.transform;
  const size = sizeOf(t);
  const x = t[4] ?? 0;
  const y = t[5] ?? 0;
  const text = clean(it.str);
  if (stacked || it.vertical) {
    const advance = it.vertical ? Math.max(it.height, size) : size;
    const topY = stacked ? y + size * 0.88 : y;
    return { text, frame: "v", u0: page.height - topY, u1: page.height - topY + advance, v: x + size / 2, size, top: topY, bottom: topY - advance };
  }
  if (Math.abs(t[1] ?? 0) > Math.abs(t[0] ?? 0)) {
    // Rotated a quarter turn clockwise (b < 0): the text runs down the page.
    const down = (t[1] ?? 0) < 0;
    const topY = down ? y : y + it.width;
    return { text, frame: "v", u0: page.height - topY, u1: page.height - topY + it.width, v: x, size, top: topY, bottom: topY - it.width };
  }
  return { text, frame: "h", u0: x, u1: x + it.width, v: y, size, top: y + size * 0.88, bottom: y - size * 0.12 };
}

/** Lines of one page (1-based `pageNumber`), unordered. */
export function buildLines(page: PdfPageText, pageNumber: number): LayoutLine[] {
  const stacked = stackedSingles(page.items);
  const runs = page.items.filter((i) => i.str.length > 0).map((i) => toRun(i, page, stacked.has(i)));
  const lines: LayoutLine[] = [];
  for (const frame of ["h", "v"] as const) {
    const mine = runs.filter((r) => r.frame === frame).sort((a, b) => b.v - a.v || a.u0 - b.u0);
    const groups: Run[][] = [];
    let open: { v: number; size: number; runs: Run[] }[] = [];
    for (const r of mine) {
      open = open.filter((g) => g.v - r.v <= g.size);
      // Superscripts sit a little higher and smaller: they join the line they overlap.
      const g = open.find((c) => Math.abs(c.v - r.v) <= 0.45 * Math.max(c.size, r.size));
      if (g) {
        g.runs.push(r);
        if (r.size > g.size) ({ v: g.v, size: g.size } = r);
      } else {
        const n = { v: r.v, size: r.size, runs: [r] };
        open.push(n);
        groups.push(n.runs);
      }
    }
    for (const g of groups) for (const part of splitAtGutters(g)) lines.push(toLine(part, pageNumber, frame));
  }
  return lines.filter((l) => l.text.trim() !== "");
}

function splitAtGutters(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.u0 - b.u0);
  const parts: Run[][] = [];
  let cur: Run[] = [];
  let end = -Infinity;
  for (const r of sorted) {
    if (cur.length > 0 && r.u0 - end > 1.6 * r.size && r.text.trim() !== "") {
      parts.push(cur);
      cur = [];
    }
    if (r.text.trim() !== "" || cur.length > 0) cur.push(r);
    end = Math.max(end, r.u1);
  }
  if (cur.length > 0) parts.push(cur);
  return parts;
}

function toLine(runs: Run[], page: number, frame: "h" | "v"): LayoutLine {
  let text = "";
  let prevEnd = -Infinity;
  const weights = new Map<number, number>();
  for (const r of runs) {
    const gap = r.u0 - prevEnd;
    const before = text.at(-1) ?? " ";
    // A gap of a third of an em between two runs is a word space the PDF did not encode;
    // between two wide characters it is only tracking.
    const bothWide = isWideAt(text, text.length - 1) && isWideAt(r.text, 0);
    if (text.length > 0 && gap > 0.3 * r.size && !/\s/.test(before) && !/^\s/.test(r.text) && !(bothWide && gap < 1.2 * r.size)) text += " ";
    text += r.text;
    prevEnd = Math.max(prevEnd, r.u1);
    const k = Math.round(r.size * 10) / 10;
    weights.set(k, (weights.get(k) ?? 0) + r.text.length);
  }
  const size = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  const main = runs.filter((r) => Math.abs(r.size - size) < 0.05 * size);
  const v = main.length > 0 ? main.reduce((s, r) => s + r.v, 0) / main.length : (runs[0]?.v ?? 0);
  return {
    page,
    text: text.trim(),
    frame,
    u0: Math.min(...runs.map((r) => r.u0)),
    u1: Math.max(...runs.map((r) => r.u1)),
    v,
    size,
    top: Math.max(...runs.map((r) => r.top)),
    bottom: Math.min(...runs.map((r) => r.bottom)),
    column: 0,
  };
}
