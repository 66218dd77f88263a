/** Messages between the page and the layout worker. */
export interface LayoutRequest {
  id: number;
  nodes: { id: string; text: string }[];
  edges: { id: string; source: string; target: string }[];
}

export type LayoutResponse = { id: number; positions: Record<string, { x: number; y: number }>; ms: number } | { id: number; error: string; ms: number };

/**
 * A small cyclic graph the worker lays out once at start (see layout.worker.ts), in two levels
 * (WARM_UP_OPTIONS) so the compound-node code paths are compiled too, not only the flat ones.
 */
export const WARM_UP: Pick<LayoutRequest, "nodes" | "edges"> = {
  nodes: Array.from({ length: 60 }, (_, i) => ({ id: `w${i}`, text: "抑止".repeat(1 + (i % 7)) })),
  edges: Array.from({ length: 110 }, (_, i) => ({ id: `e${i}`, source: `w${i % 60}`, target: `w${(i * 7 + 3) % 60}` })).filter((e) => e.source !== e.target),
};
export const WARM_UP_OPTIONS = { twoLevelFrom: 20, binSize: 20 } as const;
