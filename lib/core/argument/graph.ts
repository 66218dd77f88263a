/**
 * The argument map as a graph: annotation nodes (an excerpt of a document), free claim and
 * question nodes, and typed edges. Built from the plain entries of the workspace Y.Doc plus a
 * catalogue of the workspace's annotations; links whose ends are gone are left out and counted,
 * never drawn to nowhere. Pure: the UI, the exports and the benchmark share it.
 */
import type { ArgumentLink } from "./link-schema";
import type { Relation } from "./relations";

export interface CatalogAnnotation {
  id: string;
  documentId: string;
  documentTitle: string;
  exact: string;
  themeIds: readonly string[];
  colour?: string;
}

export interface FreeNodeEntry {
  id: string;
  kind: "annotation" | "claim" | "question";
  annotationId?: string | undefined;
  label?: string | undefined;
  deleted?: boolean | undefined;
}

export interface GraphNode {
  /** The annotation id for annotation nodes, the map node id for claims and questions. */
  id: string;
  kind: "annotation" | "claim" | "question";
  text: string;
  documentId?: string;
  documentTitle?: string;
  themeIds: readonly string[];
  colour?: string;
  /** The map node entry behind this node, when there is one (claims, questions, placed annotations). */
  mapNodeId?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  relation: Relation;
  note?: string;
}

export interface ArgumentGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Ids of live links left out because an end no longer exists. */
  dangling: string[];
}

export interface GraphInput {
  annotations: ReadonlyMap<string, CatalogAnnotation>;
  nodes: readonly FreeNodeEntry[];
  links: readonly ArgumentLink[];
}

/** The graph node of an annotation. */
function annotationNode(a: CatalogAnnotation, mapNodeId?: string): GraphNode {
  return {
    id: a.id,
    kind: "annotation",
    text: a.exact,
    documentId: a.documentId,
    documentTitle: a.documentTitle,
    themeIds: a.themeIds,
    ...(a.colour ? { colour: a.colour } : {}),
    ...(mapNodeId ? { mapNodeId } : {}),
  };
}

/** Same length and the same elements (by identity) in the same order. */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameAnnotationNode(a: GraphNode, b: GraphNode): boolean {
  return a.text === b.text && a.documentId === b.documentId && a.documentTitle === b.documentTitle && a.colour === b.colour && a.mapNodeId === b.mapNodeId && sameElements(a.themeIds, b.themeIds);
}

/**
 * buildGraph with memory, for a view that rebuilds the graph on every change: when the map's
 * entries and links are the same arrays as last time and only annotations changed (a remote
 * tag, the common live edit), it compares the catalogue entries of the annotations the map
 * refers to by identity and replaces just those nodes — the edges, the dangling list and every
 * other node keep their objects, and an edit no node shows returns the previous graph itself.
 * When one of those annotations appeared or went, or the entries or links changed, it builds
 * afresh. The result is always what buildGraph gives for the same input.
 */
export function createGraphBuilder(): (input: GraphInput) => ArgumentGraph {
  let last: { input: GraphInput; graph: ArgumentGraph; refs: [string, CatalogAnnotation | undefined][]; index: Map<string, number> } | null = null;
  return (input) => {
    if (last && last.input.nodes === input.nodes && last.input.links === input.links) {
      if (last.input.annotations === input.annotations) return last.graph;
      let nodes: GraphNode[] | null = null;
      let refs: [string, CatalogAnnotation | undefined][] | null = null;
      let rebuild = false;
      for (let i = 0; i < last.refs.length; i++) {
        const [id, before] = last.refs[i]!;
        const now = input.annotations.get(id);
        if (now === before) continue;
        if (!now || !before) {
          rebuild = true;
          break;
        }
        refs ??= last.refs.slice();
        refs[i] = [id, now];
        const at = last.index.get(id)!;
        const old = (nodes ?? last.graph.nodes)[at]!;
        const next = annotationNode(now, old.mapNodeId);
        if (sameAnnotationNode(old, next)) continue;
        nodes ??= last.graph.nodes.slice();
        nodes[at] = next;
      }
      if (!rebuild) {
        const graph = nodes ? { nodes, edges: last.graph.edges, dangling: last.graph.dangling } : last.graph;
        last = { input, graph, refs: refs ?? last.refs, index: last.index };
        return graph;
      }
    }
    const graph = buildGraph(input);
    const refs = new Map<string, CatalogAnnotation | undefined>();
    for (const n of input.nodes) if (!n.deleted && n.kind === "annotation" && n.annotationId) refs.set(n.annotationId, input.annotations.get(n.annotationId));
    for (const l of input.links) {
      if (l.deleted) continue;
      for (const end of [l.from, l.to]) if (end.kind === "annotation") refs.set(end.id, input.annotations.get(end.id));
    }
    last = { input, graph, refs: [...refs], index: new Map(graph.nodes.map((n, i) => [n.id, i])) };
    return graph;
  };
}

/** Builds the graph. Annotation nodes: every annotation placed on the map or linked. */
export function buildGraph(input: GraphInput): ArgumentGraph {
  const nodes = new Map<string, GraphNode>();
  const mapNodeToGraph = new Map<string, string>();
  const addAnnotation = (id: string, mapNodeId?: string): boolean => {
    const a = input.annotations.get(id);
    if (!a) return false;
    const existing = nodes.get(id);
    if (existing) {
      if (mapNodeId && !existing.mapNodeId) existing.mapNodeId = mapNodeId;
      return true;
    }
    nodes.set(id, annotationNode(a, mapNodeId));
    return true;
  };
  for (const n of input.nodes) {
    if (n.deleted) continue;
    if (n.kind === "annotation") {
      if (n.annotationId && addAnnotation(n.annotationId, n.id)) mapNodeToGraph.set(n.id, n.annotationId);
      continue;
    }
    nodes.set(n.id, { id: n.id, kind: n.kind, text: n.label ?? "", themeIds: [], mapNodeId: n.id });
    mapNodeToGraph.set(n.id, n.id);
  }
  const edges: GraphEdge[] = [];
  const dangling: string[] = [];
  const resolve = (e: ArgumentLink["from"]): string | undefined => {
    if (e.kind === "annotation") return addAnnotation(e.id) ? e.id : undefined;
    return mapNodeToGraph.get(e.id);
  };
  for (const l of input.links) {
    if (l.deleted) continue;
    const source = resolve(l.from);
    const target = resolve(l.to);
    if (!source || !target || source === target) {
      dangling.push(l.id);
      continue;
    }
    edges.push({ id: l.id, source, target, relation: l.kind, ...(l.note ? { note: l.note } : {}) });
  }
  return { nodes: [...nodes.values()], edges, dangling };
}

export interface GraphFilter {
  /** Keep annotation nodes tagged with one of these themes (empty or absent: all). */
  themeIds?: ReadonlySet<string>;
  /** Keep annotation nodes of these documents (empty or absent: all). */
  documentIds?: ReadonlySet<string>;
  /** Keep edges of these relations (absent: all). */
  relations?: ReadonlySet<Relation>;
  /** Keep only the nodes within `depth` links of `id` (either direction). */
  focus?: { id: string; depth: number };
}

/**
 * The part of the graph a filter keeps. Claims and questions have no document or theme: they
 * stay when they connect to something kept, or when they are not connected at all.
 */
export function filterGraph(graph: ArgumentGraph, filter: GraphFilter): ArgumentGraph {
  const themed = filter.themeIds && filter.themeIds.size > 0 ? filter.themeIds : undefined;
  const docs = filter.documentIds && filter.documentIds.size > 0 ? filter.documentIds : undefined;
  const passes = (n: GraphNode): boolean => {
    if (n.kind !== "annotation") return true;
    if (docs && !(n.documentId && docs.has(n.documentId))) return false;
    if (themed && !n.themeIds.some((t) => themed.has(t))) return false;
    return true;
  };
  let kept = new Set(graph.nodes.filter(passes).map((n) => n.id));
  let edges = graph.edges.filter((e) => (!filter.relations || filter.relations.has(e.relation)) && kept.has(e.source) && kept.has(e.target));
  if (themed || docs) {
    // A free node whose every link went with the filter would float alone: drop it too.
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    const hadLinks = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
    kept = new Set([...kept].filter((id) => linked.has(id) || !hadLinks.has(id) || graph.nodes.find((n) => n.id === id)?.kind === "annotation"));
  }
  if (filter.focus && kept.has(filter.focus.id)) {
    const near = neighbourhood(edges, filter.focus.id, filter.focus.depth);
    kept = new Set([...kept].filter((id) => near.has(id)));
    edges = edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  }
  // Nothing left out: the graph's own arrays, so a view keyed on them sees no change.
  return {
    nodes: kept.size === graph.nodes.length ? graph.nodes : graph.nodes.filter((n) => kept.has(n.id)),
    edges: edges.length === graph.edges.length ? graph.edges : edges,
    dangling: graph.dangling,
  };
}

/** Ids within `depth` links of `id`, following links either way (breadth first). */
export function neighbourhood(edges: readonly GraphEdge[], id: string, depth: number): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(e.target);
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set([id]);
  let frontier = [id];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of adj.get(n) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        next.push(m);
      }
    }
    frontier = next;
  }
  return seen;
}
