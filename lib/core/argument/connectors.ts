/**
 * Connector lines between linked passages in side-by-side panes (the compare view). Input: for
 * each link, the visible rectangles of its two ends in the overlay's coordinates (the caller
 * measures highlights with getClientRects and subtracts the overlay's origin). Output: one
 * cubic Bézier per link, leaving the facing sides of the two rectangles. Ends that are not
 * visible are skipped by the caller or clamped here to the pane edge (`offscreen`), so a
 * connector can still point towards a passage scrolled out of view.
 */
import { RELATION_COLOURS, RELATION_DASHED, type Relation } from "./relations";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ConnectorEnd {
  /** Index of the pane, left to right. */
  pane: number;
  /** The passage's rectangle (first line is enough), in overlay coordinates. */
  rect: Rect;
  /** The pane's visible rectangle, in overlay coordinates. */
  viewport: Rect;
}

export interface ConnectorInput {
  linkId: string;
  relation: Relation;
  from: ConnectorEnd;
  to: ConnectorEnd;
}

export interface ConnectorPath {
  linkId: string;
  relation: Relation;
  d: string;
  colour: string;
  dashed: boolean;
  /** The two end points, for hit targets or dots. */
  start: { x: number; y: number };
  end: { x: number; y: number };
  /** True when an end lies outside its pane's viewport and was clamped to the edge. */
  offscreen: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function endPoint(end: ConnectorEnd, towardsRight: boolean): { x: number; y: number; clamped: boolean } {
  const r = end.rect;
  const v = end.viewport;
  const rawY = r.y + r.height / 2;
  const y = clamp(rawY, v.y, v.y + v.height);
  // Leave from the passage's side facing the other pane, never beyond the pane itself.
  const x = clamp(towardsRight ? r.x + r.width : r.x, v.x, v.x + v.width);
  return { x, y, clamped: y !== rawY };
}

/**
 * Connector paths for links whose two ends are in different panes. Links within one pane are
 * left to the pane (the card lists them); links whose ends are both scrolled out of view are
 * dropped, as a line between two edges would point nowhere useful.
 */
export function computeConnectors(inputs: readonly ConnectorInput[]): ConnectorPath[] {
  const out: ConnectorPath[] = [];
  for (const c of inputs) {
    if (c.from.pane === c.to.pane) continue;
    const leftToRight = c.from.pane < c.to.pane;
    const a = endPoint(c.from, leftToRight);
    const b = endPoint(c.to, !leftToRight);
    if (a.clamped && b.clamped) continue;
    const bend = Math.max(24, Math.abs(b.x - a.x) / 2);
    const s = leftToRight ? 1 : -1;
    const d = `M${a.x.toFixed(1)},${a.y.toFixed(1)} C${(a.x + s * bend).toFixed(1)},${a.y.toFixed(1)} ${(b.x - s * bend).toFixed(1)},${b.y.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
    out.push({
      linkId: c.linkId,
      relation: c.relation,
      d,
      colour: RELATION_COLOURS[c.relation],
      dashed: RELATION_DASHED[c.relation],
      start: { x: a.x, y: a.y },
      end: { x: b.x, y: b.y },
      offscreen: a.clamped || b.clamped,
    });
  }
  return out;
}

/**
 * Which links can be drawn between the open panes: for each live link whose two ends are
 * annotations shown in two different panes, the pane of each end. `paneOf` maps an
 * annotation id to the panes showing its document (left to right).
 */
export function linksBetweenPanes(
  links: readonly { id: string; kind: Relation; from: { kind: string; id: string }; to: { kind: string; id: string }; deleted?: boolean | undefined }[],
  paneOf: (annotationId: string) => readonly number[],
): { linkId: string; relation: Relation; from: { pane: number; annotationId: string }; to: { pane: number; annotationId: string } }[] {
  const out = [];
  for (const l of links) {
    if (l.deleted || l.from.kind !== "annotation" || l.to.kind !== "annotation") continue;
    const a = paneOf(l.from.id);
    const b = paneOf(l.to.id);
    // The nearest pair of distinct panes (a document open twice gives a choice).
    let best: [number, number] | null = null;
    for (const pa of a) for (const pb of b) if (pa !== pb && (!best || Math.abs(pa - pb) < Math.abs(best[0] - best[1]))) best = [pa, pb];
    if (best) out.push({ linkId: l.id, relation: l.kind, from: { pane: best[0], annotationId: l.from.id }, to: { pane: best[1], annotationId: l.to.id } });
  }
  return out;
}
