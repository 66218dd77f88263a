/**
 * Map edges as React Flow draws them: coloured and dashed by relation, labelled unless the map
 * is large, memoised so that an unchanged edge keeps its object (React Flow's memoisation holds).
 */
import { MarkerType, type Edge } from "@xyflow/react";
import { RELATION_COLOURS, RELATION_DASHED, sameElements, type GraphEdge, type Relation } from "@/lib/core/argument";

/** The React Flow edge of a map edge: coloured and dashed by relation, labelled unless the map is large. */
function toFlowEdge(e: GraphEdge, isSelected: boolean, opts: EdgeOptions): Edge {
  const { relationLabel, manyEdges, large } = opts;
  const colour = RELATION_COLOURS[e.relation];
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    className: `rel-${e.relation}`,
    // Wide invisible hit paths on thousands of long curves make every hit test slow.
    interactionWidth: large ? 10 : 20,
    selected: isSelected,
    ariaLabel: relationLabel(e.relation),
    // The link and its ends on the element, so a test or an extension can find one edge.
    domAttributes: { "data-link-id": e.id, "data-source": e.source, "data-target": e.target } as Edge["domAttributes"],
    style: { stroke: colour, strokeWidth: isSelected ? 3.5 : 2, ...(RELATION_DASHED[e.relation] ? { strokeDasharray: "6 4" } : {}) },
    markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 16, height: 16 },
    ...(!manyEdges || isSelected ? { label: relationLabel(e.relation) + (e.note ? ` — ${e.note}` : ""), labelStyle: { fill: colour, fontSize: 11, fontWeight: 600 }, labelBgStyle: { fill: "#fff" } } : {}),
  };
}

export type EdgeOptions = { relationLabel: (r: Relation) => string; manyEdges: boolean; large: boolean };

/**
 * A memoised GraphEdge → React Flow edge mapping: each call reuses the previous call's edge
 * objects whose inputs are unchanged, and the previous array when every edge was reused.
 */
export function createFlowEdges(): (edges: readonly GraphEdge[], selectedId: string | null, opts: EdgeOptions) => Edge[] {
  let labels: unknown = null;
  type Entry = { from: GraphEdge; isSelected: boolean; manyEdges: boolean; large: boolean; edge: Edge };
  let byId = new Map<string, Entry>();
  let last: Edge[] = [];
  const same = (a: GraphEdge, b: GraphEdge) => a === b || (a.source === b.source && a.target === b.target && a.relation === b.relation && (a.note ?? "") === (b.note ?? ""));
  return (edges, selectedId, opts) => {
    if (labels !== opts.relationLabel) byId = new Map();
    labels = opts.relationLabel;
    const next = new Map<string, Entry>();
    const list = edges.map((e) => {
      const isSelected = selectedId === e.id;
      const hit = byId.get(e.id);
      const entry =
        hit && hit.isSelected === isSelected && hit.manyEdges === opts.manyEdges && hit.large === opts.large && same(hit.from, e)
          ? hit
          : { from: e, isSelected, manyEdges: opts.manyEdges, large: opts.large, edge: toFlowEdge(e, isSelected, opts) };
      next.set(e.id, entry);
      return entry.edge;
    });
    byId = next;
    if (!sameElements(last, list)) last = list;
    return last;
  };
}

