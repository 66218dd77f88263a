/**
 * Room on the map for nodes that have no shared position yet (an annotation linked from the
 * compare view, a link made by someone else) when other nodes already have one. A full
 * automatic layout would put them where they belong in a layout nobody is looking at — on
 * top of the nodes people placed by hand. Instead each new node goes to the nearest free spot
 * below the nodes it is linked to (or below everything, when it is linked to nothing placed),
 * chains of new nodes extending outwards from what is placed.
 *
 * Deterministic (same shared state → same positions on every client) and pure; collision tests
 * use a uniform grid, so a map of a thousand placed nodes costs a few milliseconds.
 */
import type { GraphEdge, GraphNode } from "./graph";
import { NODE_WIDTH, nodeSize } from "./sizes";

type Point = { x: number; y: number };
type Box = { x: number; y: number; width: number; height: number };

/** Gap kept around every node; a new node sits one layer below the centre of its neighbours. */
const MARGIN = 24;
const LAYER = 150;
const STEP = 40;
const MAX_RINGS = 60;
const CELL = 300;

class Occupancy {
  private readonly cells = new Map<string, Box[]>();

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }

  free(b: Box): boolean {
    for (const key of this.keys(b)) {
      for (const o of this.cells.get(key) ?? []) {
        if (b.x < o.x + o.width + MARGIN && o.x < b.x + b.width + MARGIN && b.y < o.y + o.height + MARGIN && o.y < b.y + b.height + MARGIN) return false;
      }
    }
    return true;
  }

  private *keys(b: Box): Generator<string> {
    const x0 = Math.floor((b.x - MARGIN) / CELL);
    const x1 = Math.floor((b.x + b.width + MARGIN) / CELL);
    const y0 = Math.floor((b.y - MARGIN) / CELL);
    const y1 = Math.floor((b.y + b.height + MARGIN) / CELL);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield `${x},${y}`;
  }
}

/** Offsets of ring `r` around (0, 0): the square ring, nearest first, below before above. */
function ring(r: number): Point[] {
  if (r === 0) return [{ x: 0, y: 0 }];
  const out: Point[] = [];
  for (let dx = -r; dx <= r; dx++) for (let dy = -r; dy <= r; dy++) if (Math.max(Math.abs(dx), Math.abs(dy)) === r) out.push({ x: dx * STEP, y: dy * STEP });
  return out.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || b.y - a.y || a.x - b.x);
}

/**
 * Top-left positions for the nodes of `nodes` missing from `fixed`. Returns an empty record
 * when nothing is placed yet (then a full automatic layout is the better start).
 */
export function placeNewNodes(
  nodes: readonly Pick<GraphNode, "id" | "text">[],
  edges: readonly Pick<GraphEdge, "source" | "target">[],
  fixed: Readonly<Record<string, Point>>,
): Record<string, Point> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = nodes.filter((n) => fixed[n.id]);
  if (placed.length === 0 || placed.length === nodes.length) return {};
  const out: Record<string, Point> = {};
  const at = (id: string): Point | undefined => fixed[id] ?? out[id];
  const occupied = new Occupancy();
  let bottom = -Infinity;
  let left = Infinity;
  for (const n of placed) {
    const p = fixed[n.id]!;
    const size = nodeSize(n.text);
    occupied.add({ ...p, ...size });
    bottom = Math.max(bottom, p.y + size.height);
    left = Math.min(left, p.x);
  }
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target) || e.source === e.target) continue;
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }

  const put = (id: string, target: Point) => {
    const size = nodeSize(byId.get(id)!.text);
    for (let r = 0; r <= MAX_RINGS; r++) {
      for (const d of ring(r)) {
        const box = { x: target.x + d.x, y: target.y + d.y, width: size.width, height: size.height };
        if (occupied.free(box)) {
          occupied.add(box);
          bottom = Math.max(bottom, box.y + box.height);
          out[id] = { x: box.x, y: box.y };
          return;
        }
      }
    }
    // Nowhere free nearby (a very dense region): below everything.
    const box = { x: left, y: bottom + LAYER, width: size.width, height: size.height };
    occupied.add(box);
    bottom = box.y + box.height;
    out[id] = { x: box.x, y: box.y };
  };

  // Breadth-first from what is placed, so a chain of new nodes grows outwards from it; nodes
  // linked to nothing placed start new rows below everything, in their input order.
  const missing = nodes.filter((n) => !fixed[n.id]).map((n) => n.id);
  const queue = missing.filter((id) => (neighbours.get(id) ?? []).some((o) => fixed[o]));
  const queued = new Set(queue);
  let nextRoot = 0;
  let rowX = left;
  while (Object.keys(out).length < missing.length) {
    let id = queue.shift();
    if (id === undefined) {
      while (out[missing[nextRoot]!]) nextRoot++;
      id = missing[nextRoot]!;
      queued.add(id);
      put(id, { x: rowX, y: bottom + LAYER / 2 });
      rowX += NODE_WIDTH + MARGIN * 2;
    } else {
      const anchors = (neighbours.get(id) ?? []).map(at).filter((p): p is Point => !!p);
      const cx = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
      const cy = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
      put(id, { x: Math.round(cx), y: Math.round(cy + LAYER) });
    }
    for (const o of neighbours.get(id) ?? []) {
      if (!fixed[o] && !queued.has(o)) {
        queued.add(o);
        queue.push(o);
      }
    }
  }
  return out;
}
