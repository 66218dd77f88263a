/**
 * The graph handed to elkjs (layered algorithm) and the positions read back. The worker that
 * runs ELK only does `elk.layout(toElkGraph(...))`, so this stays testable without ELK.
 * Cycles are fine: the layered algorithm breaks them (greedy) and draws the back edges upward.
 *
 * Maps above TWO_LEVEL_FROM nodes are laid out in two levels (see communities.ts): each group
 * of closely linked nodes is a compound node laid out on its own, and the groups are laid out
 * with the links between them lifted to group level. One piece of 1,000 nodes and 2,000 edges
 * took 4–9 s on the bench machine; two levels take a fraction of that.
 */
import { communities } from "./communities";
import type { GraphEdge, GraphNode } from "./graph";
import { nodeSize } from "./sizes";

export interface ElkInputNode {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkInputNode[];
  edges?: ElkInputEdge[];
}
export interface ElkInputEdge {
  id: string;
  sources: string[];
  targets: string[];
}
export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkInputNode[];
  edges: ElkInputEdge[];
}
export interface ElkOutputNode {
  id: string;
  x?: number;
  y?: number;
  children?: ElkOutputNode[];
}
export interface ElkOutput {
  children?: ElkOutputNode[];
}

export const TWO_LEVEL_FROM = 150;
/** Prefix of the ids of group (compound) nodes; map node ids never contain a colon. */
const GROUP = "group:";

/**
 * Options chosen for speed: low thoroughness, Brandes–Köpf placement and polyline routing
 * (React Flow draws its own edges, ELK's routes are not used) cost far less than the defaults.
 */
export const ELK_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.edgeRouting": "POLYLINE",
  "elk.layered.cycleBreaking.strategy": "GREEDY",
  "elk.layered.thoroughness": "1",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.spacing.nodeNode": "32",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.spacing.componentComponent": "64",
  "elk.separateConnectedComponents": "true",
};

type N = Pick<GraphNode, "id" | "text">;
type E = Pick<GraphEdge, "id" | "source" | "target">;

export function toElkGraph(nodes: readonly N[], edges: readonly E[], opts: { twoLevelFrom?: number; binSize?: number } = {}): ElkInput {
  const ids = new Set(nodes.map((n) => n.id));
  const live = edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
  const leaf = (n: N): ElkInputNode => ({ id: n.id, ...nodeSize(n.text) });
  const edge = (e: E): ElkInputEdge => ({ id: e.id, sources: [e.source], targets: [e.target] });
  if (nodes.length < (opts.twoLevelFrom ?? TWO_LEVEL_FROM)) {
    return { id: "root", layoutOptions: ELK_OPTIONS, children: nodes.map(leaf), edges: live.map(edge) };
  }
  const group = packGroups(communities(nodes.map((n) => n.id), live), opts.binSize ?? BIN_SIZE);
  const groups = new Map<number, ElkInputNode>();
  for (const n of nodes) {
    const g = group.get(n.id)!;
    let box = groups.get(g);
    if (!box) groups.set(g, (box = { id: `${GROUP}${g}`, layoutOptions: { ...ELK_OPTIONS, "elk.padding": "[top=12,left=12,bottom=12,right=12]" }, children: [], edges: [] }));
    box.children!.push(leaf(n));
  }
  const lifted = new Map<string, ElkInputEdge>();
  for (const e of live) {
    const a = group.get(e.source)!;
    const b = group.get(e.target)!;
    if (a === b) groups.get(a)!.edges!.push(edge(e));
    else {
      const id = `${GROUP}${a}>${b}`;
      if (!lifted.has(id)) lifted.set(id, { id, sources: [`${GROUP}${a}`], targets: [`${GROUP}${b}`] });
    }
  }
  return { id: "root", layoutOptions: { ...ELK_OPTIONS, "elk.hierarchyHandling": "SEPARATE_CHILDREN" }, children: [...groups.values()], edges: [...lifted.values()] };
}

/**
 * Each layered run has a fixed cost (tens of ms), so small groups are packed together into
 * boxes of up to `binSize` nodes (a box holding unlinked groups lays them out side by side).
 */
export const BIN_SIZE = 300;

function packGroups(group: Map<string, number>, binSize: number): Map<string, number> {
  const sizes = new Map<number, number>();
  for (const g of group.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const binOf = new Map<number, number>();
  let bin = 0;
  let fill = 0;
  for (const [g, size] of sizes) {
    if (fill > 0 && fill + size > binSize) {
      bin++;
      fill = 0;
    }
    binOf.set(g, bin);
    fill += size;
  }
  return new Map([...group].map(([id, g]) => [id, binOf.get(g)!]));
}

/** Top-left positions by node id (React Flow's convention, and ELK's), groups flattened. */
export function fromElkGraph(out: ElkOutput): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  const walk = (children: readonly ElkOutputNode[] | undefined, dx: number, dy: number) => {
    for (const c of children ?? []) {
      const x = dx + (c.x ?? 0);
      const y = dy + (c.y ?? 0);
      if (c.id.startsWith(GROUP)) walk(c.children, x, y);
      else positions[c.id] = { x: Math.round(x), y: Math.round(y) };
    }
  };
  walk(out.children, 0, 0);
  return positions;
}
