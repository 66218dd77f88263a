"use client";

import { useMemo, useState } from "react";
import type { MapData } from "@/lib/collab/client";
import { createGraphBuilder, filterGraph, type ArgumentGraph } from "@/lib/core/argument";
import type { MapFilters } from "./MapSidebar";

type Shape = Pick<ArgumentGraph, "nodes" | "edges">;

/**
 * Keeps the previous graph's nodes and edges while the next graph has the same edges (the
 * same array) and the same node ids and texts in the same order: all that placement and
 * layout read.
 */
function createShapeKeeper(): (graph: ArgumentGraph) => Shape {
  let last: Shape | null = null;
  return (graph) => {
    const prev = last;
    const same =
      !!prev &&
      prev.edges === graph.edges &&
      prev.nodes.length === graph.nodes.length &&
      prev.nodes.every((n, i) => n === graph.nodes[i] || (n.id === graph.nodes[i]!.id && n.text === graph.nodes[i]!.text));
    if (same) return prev;
    last = { nodes: graph.nodes, edges: graph.edges };
    return last;
  };
}

/**
 * The map's graph from its data, incrementally (a remote tag replaces one node and keeps the
 * edges: see createGraphBuilder); its shape, the same object while ids, texts and edges are
 * (so a tag edit does not place, lay out or re-spread positions again); and what the filters
 * and the focus let through.
 */
export function useMapGraph(data: MapData, filters: MapFilters, focus: string | null) {
  const [build] = useState(createGraphBuilder);
  const graph = useMemo(() => build({ annotations: data.annotations, nodes: data.nodes, links: data.links }), [build, data]);
  const [sameShape] = useState(createShapeKeeper);
  const shape = useMemo(() => sameShape(graph), [sameShape, graph]);
  const shown = useMemo(
    () =>
      filterGraph(graph, {
        ...(filters.themeId ? { themeIds: new Set([filters.themeId]) } : {}),
        ...(filters.documentId ? { documentIds: new Set([filters.documentId]) } : {}),
        relations: filters.relations,
        ...(focus ? { focus: { id: focus, depth: 1 } } : {}),
      }),
    [graph, filters, focus],
  );
  const themes = useMemo(() => new Map(data.themes.map((th) => [th.id, { name: th.name, colour: th.colour }])), [data.themes]);
  return { graph, shape, shown, themes };
}

export type MapShape = Shape;
