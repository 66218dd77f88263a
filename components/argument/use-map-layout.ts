"use client";

import { useEffect, useMemo, useState } from "react";
import { placeNewNodes, type GraphEdge, type GraphNode } from "@/lib/core/argument";
import type { MapShape } from "./use-map-graph";
import { useLayout } from "./use-layout";

type Positions = Record<string, { x: number; y: number }>;

const layoutInput = (nodes: readonly GraphNode[], edges: readonly GraphEdge[]) =>
  [nodes.map((n) => ({ id: n.id, text: n.text })), edges.map((e) => ({ id: e.id, source: e.source, target: e.target }))] as const;

/**
 * Where every node is drawn. Once anything has a shared position, new nodes take free room
 * near what they link to (placeNewNodes: the same on every client); before that, the whole
 * map is laid out by ELK in a worker.
 */
export function useMapLayout(shape: MapShape, shared: Positions) {
  const layout = useLayout();
  const [auto, setAuto] = useState<Positions>({});
  const [layouting, setLayouting] = useState(false);
  const anyPlaced = useMemo(() => shape.nodes.some((n) => shared[n.id]), [shape, shared]);
  const added = useMemo(() => (anyPlaced ? placeNewNodes(shape.nodes, shape.edges, shared) : {}), [anyPlaced, shape, shared]);
  const missing = useMemo(() => !anyPlaced && shape.nodes.some((n) => !auto[n.id]), [anyPlaced, shape, auto]);
  const graphKey = useMemo(() => shape.nodes.map((n) => n.id).join(",") + "|" + shape.edges.map((e) => e.id).join(","), [shape]);
  useEffect(() => {
    if (!missing) return;
    const timer = setTimeout(() => {
      setLayouting(true);
      layout(...layoutInput(shape.nodes, shape.edges))
        .then(setAuto, () => {})
        .finally(() => setLayouting(false));
    }, 120);
    return () => clearTimeout(timer);
    // graphKey stands for shape: a re-render with the same nodes and edges must not lay out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graphKey, missing, layout]);
  const positions = useMemo(() => (anyPlaced ? { ...added, ...shared } : auto), [anyPlaced, added, auto, shared]);

  /**
   * The positions to share after a drag: the first drag on a map laid out automatically adopts
   * that layout for everyone (without it, the other nodes would jump from ELK's places to
   * placeNewNodes' ones).
   */
  const afterDrag = (moved: Positions): Positions =>
    anyPlaced ? moved : { ...Object.fromEntries(shape.nodes.flatMap((n) => (auto[n.id] ? [[n.id, auto[n.id]!]] : []))), ...moved };

  /** Lays out `nodes` (the shown part of the map) from scratch; resolves with their positions. */
  const relayout = (nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<Positions> => {
    setLayouting(true);
    return layout(...layoutInput(nodes, edges)).finally(() => setLayouting(false));
  };
  return { positions, layouting, afterDrag, relayout };
}
