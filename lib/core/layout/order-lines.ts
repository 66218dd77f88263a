/**
 * Reading order of one page's lines. Two-column pages are read column by column
 * within each band between full-width lines (a title across both columns comes
 * first, a footer across the page last); vertical columns are read right to left,
 * with horizontal lines above them first and below them last.
 */
import type { LayoutLine } from "./types";

const byV = (a: LayoutLine, b: LayoutLine): number => b.v - a.v || a.u0 - b.u0;

/** The page's lines in reading order, with `column` set. */
export function orderLines(lines: readonly LayoutLine[]): LayoutLine[] {
  const h = lines.filter((l) => l.frame === "h");
  const v = lines.filter((l) => l.frame === "v").sort(byV);
  const hOrdered = orderHorizontal(h);
  if (v.length === 0) return hOrdered;
  const vTop = Math.max(...v.map((l) => l.top));
  const above = hOrdered.filter((l) => l.bottom >= vTop);
  const below = hOrdered.filter((l) => l.bottom < vTop);
  return [...above, ...v, ...below];
}

function orderHorizontal(lines: readonly LayoutLine[]): LayoutLine[] {
  const sorted = [...lines].sort(byV);
  if (sorted.length < 6) return sorted;
  const left = Math.min(...sorted.map((l) => l.u0));
  const right = Math.max(...sorted.map((l) => l.u1));
  const mid = (left + right) / 2;
  const side = (l: LayoutLine): "L" | "R" | "S" => (l.u1 <= mid + l.size * 0.5 ? "L" : l.u0 >= mid - l.size * 0.5 ? "R" : "S");
  const sides = sorted.map(side);
  const nL = sides.filter((s) => s === "L").length;
  const nR = sides.filter((s) => s === "R").length;
  if (nL < 3 || nR < 3 || nL + nR < sorted.length * 0.6) return sorted;
  const out: LayoutLine[] = [];
  let band: { L: LayoutLine[]; R: LayoutLine[] } = { L: [], R: [] };
  let column = 0;
  const flush = (): void => {
    for (const l of band.L) out.push({ ...l, column });
    if (band.L.length > 0) column++;
    for (const l of band.R) out.push({ ...l, column });
    if (band.R.length > 0) column++;
    band = { L: [], R: [] };
  };
  sorted.forEach((l, k) => {
    const s = sides[k];
    if (s === "S") {
      flush();
      out.push({ ...l, column: column++ });
    } else band[s ?? "L"].push(l);
  });
  flush();
  return out;
}
