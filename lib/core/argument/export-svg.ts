/**
 * The map as a standalone SVG (also the source of the PNG export, which the browser rasterises):
 * boxes with the wrapped excerpt or claim, a document badge, edges as arrows coloured and dashed
 * by relation, and a legend. Text is escaped; fonts fall back to whatever Japanese font the
 * viewer has.
 */
import type { ArgumentGraph } from "./graph";
import { RELATION_COLOURS, RELATION_DASHED, RELATIONS, type Relation } from "./relations";
import { nodeSize, wrapText } from "./sizes";

export type Positions = Readonly<Record<string, { x: number; y: number }>>;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const FONT = "'Noto Sans JP','Hiragino Sans','Yu Gothic',sans-serif";
const MARGIN = 24;
const LEGEND_H = 28;

/** Where the segment from the centre of box `a` towards point `p` leaves the box. */
function exitPoint(b: { x: number; y: number; width: number; height: number }, p: { x: number; y: number }) {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

export function toSvg(graph: ArgumentGraph, positions: Positions, opts: { title: string; relationLabel: (r: Relation) => string; kindLabel: (k: "claim" | "question") => string }): string {
  const boxes = new Map(graph.nodes.map((n) => [n.id, { ...(positions[n.id] ?? { x: 0, y: 0 }), ...nodeSize(n.text) }]));
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes.values()) {
    minX = Math.min(minX, b.x); minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width); maxY = Math.max(maxY, b.y + b.height);
  }
  if (!boxes.size) {
    minX = 0;
    minY = 0;
    maxX = 480;
    maxY = 40;
  }
  const legendW = RELATIONS.length * 130;
  const width = Math.max(maxX - minX, legendW) + MARGIN * 2;
  const height = maxY - minY + MARGIN * 3 + LEGEND_H;
  const ox = MARGIN - minX;
  const oy = MARGIN * 2 + LEGEND_H - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="${esc(FONT)}">`,
    `<title>${esc(opts.title)}</title>`,
    `<defs>${RELATIONS.map((r) => `<marker id="arrow-${r}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${RELATION_COLOURS[r]}"/></marker>`).join("")}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="legend" font-size="12">${RELATIONS.map((r, i) => `<g transform="translate(${MARGIN + i * 130},${MARGIN})"><line x1="0" y1="8" x2="28" y2="8" stroke="${RELATION_COLOURS[r]}" stroke-width="2.5"${RELATION_DASHED[r] ? ' stroke-dasharray="6 4"' : ""}/><text x="34" y="12" fill="#333">${esc(opts.relationLabel(r))}</text></g>`).join("")}</g>`,
  ];
  out.push(`<g class="edges" transform="translate(${ox},${oy})">`);
  for (const e of graph.edges) {
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) continue;
    const p1 = exitPoint(a, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
    const p2 = exitPoint(b, { x: a.x + a.width / 2, y: a.y + a.height / 2 });
    const dash = RELATION_DASHED[e.relation] ? ' stroke-dasharray="6 4"' : "";
    out.push(
      `<path data-link="${esc(e.id)}" data-relation="${e.relation}" d="M${p1.x.toFixed(1)},${p1.y.toFixed(1)}L${p2.x.toFixed(1)},${p2.y.toFixed(1)}" stroke="${RELATION_COLOURS[e.relation]}" stroke-width="2" fill="none" marker-end="url(#arrow-${e.relation})"${dash}><title>${esc(opts.relationLabel(e.relation) + (e.note ? `: ${e.note}` : ""))}</title></path>`,
    );
  }
  out.push(`</g><g class="nodes" transform="translate(${ox},${oy})">`);
  for (const n of graph.nodes) {
    const b = boxes.get(n.id)!;
    const fill = n.kind === "annotation" ? "#fffdf5" : n.kind === "question" ? "#f3f0ff" : "#eef6ff";
    const badge = n.kind === "annotation" ? (n.documentTitle ?? "") : opts.kindLabel(n.kind);
    const lines = wrapText(n.text).map((l, i) => `<tspan x="10" y="${40 + i * 18}">${esc(l)}</tspan>`).join("");
    out.push(
      `<g data-node="${esc(n.id)}" transform="translate(${b.x},${b.y})"><rect width="${b.width}" height="${b.height}" rx="6" fill="${fill}" stroke="${n.colour ?? "#8a8f98"}" stroke-width="1.5"/>` +
        `<text x="10" y="18" font-size="11" fill="#5d6470">${esc(wrapText(badge, 40, 1)[0] ?? "")}</text><text font-size="13" fill="#1d2129">${lines}</text></g>`,
    );
  }
  out.push("</g></svg>");
  return out.join("\n");
}
