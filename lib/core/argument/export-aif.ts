/**
 * AIF JSON in the shape AIFdb and OVA+ read (`nodes`, `edges`, `locutions`): every map node is
 * an I-node (information: the excerpt or the claim); a link that AIF can express becomes an
 * S-node between its two I-nodes — RA (inference) for "supports", CA (conflict) for "opposes",
 * MA (rephrase) for "same claim as" — with an edge in and an edge out. Relations without an AIF
 * scheme (elaborates, responds to, cites) are kept under `synoptic.relations` so a round trip
 * through this file does not lose them; AIF readers ignore unknown keys.
 */
import type { ArgumentGraph } from "./graph";
import type { Relation } from "./relations";

export interface AifNode {
  nodeID: string;
  text: string;
  type: "I" | "RA" | "CA" | "MA";
  timestamp: string;
}
export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}
export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: [];
  participants: [];
  synoptic: {
    title: string;
    sources: { nodeID: string; documentId: string; documentTitle: string; annotationId: string }[];
    relations: { from: string; to: string; relation: Relation; note?: string }[];
  };
}

const S_NODE: Partial<Record<Relation, { type: AifNode["type"]; text: string }>> = {
  supports: { type: "RA", text: "Default Inference" },
  opposes: { type: "CA", text: "Default Conflict" },
  same_claim: { type: "MA", text: "Default Rephrase" },
};

/** `now` stamps every node (AIF wants a timestamp; the map has no per-node edit time). */
export function toAif(graph: ArgumentGraph, opts: { title: string; now: Date }): AifDocument {
  const stamp = opts.now.toISOString().replace("T", " ").slice(0, 19);
  const ids = new Map<string, string>();
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const sources: AifDocument["synoptic"]["sources"] = [];
  let next = 1;
  for (const n of graph.nodes) {
    const nodeID = String(next++);
    ids.set(n.id, nodeID);
    nodes.push({ nodeID, text: n.text, type: "I", timestamp: stamp });
    if (n.kind === "annotation" && n.documentId) sources.push({ nodeID, documentId: n.documentId, documentTitle: n.documentTitle ?? "", annotationId: n.id });
  }
  const relations: AifDocument["synoptic"]["relations"] = [];
  let edgeNo = 1;
  for (const e of graph.edges) {
    const from = ids.get(e.source);
    const to = ids.get(e.target);
    if (!from || !to) continue;
    const scheme = S_NODE[e.relation];
    if (!scheme) {
      relations.push({ from, to, relation: e.relation, ...(e.note ? { note: e.note } : {}) });
      continue;
    }
    const s = String(next++);
    nodes.push({ nodeID: s, text: scheme.text, type: scheme.type, timestamp: stamp });
    edges.push({ edgeID: String(edgeNo++), fromID: from, toID: s, formEdgeID: null });
    edges.push({ edgeID: String(edgeNo++), fromID: s, toID: to, formEdgeID: null });
  }
  return { nodes, edges, locutions: [], participants: [], synoptic: { title: opts.title, sources, relations } };
}
