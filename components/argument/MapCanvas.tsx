"use client";

/**
 * The React Flow canvas of the argument map, given everything as props (the bench page mounts
 * it with a synthetic graph). Positions: `positions` are the shared ones; a node being dragged
 * here moves locally every frame and is reported through `onDragMove` (awareness) and, once,
 * through `onDragEnd` (the Y.Doc).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useNodesInitialized,
  useReactFlow,
  ViewportPortal,
  type Connection,
  type Edge,
  type NodeChange,
  type ReactFlowInstance,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { sameElements, type GraphEdge, type GraphNode, type Relation } from "@/lib/core/argument";
import { createFlowEdges } from "./flow-edges";
import { MapNodeView, type MapFlowNode, type MapNodeData } from "./MapNodeView";
import styles from "./map.module.css";
import type { PeerView } from "@/lib/collab/client";

export type { PeerView };

export interface MapCanvasProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  positions: Readonly<Record<string, { x: number; y: number }>>;
  themes: ReadonlyMap<string, { name: string; colour: string }>;
  peers: readonly PeerView[];
  editable: boolean;
  selected: { kind: "node" | "edge"; id: string } | null;
  relationLabel: (r: Relation) => string;
  kindLabel: (k: GraphNode["kind"]) => string;
  draggingLabel: (name: string) => string;
  onSelect: (s: { kind: "node" | "edge"; id: string } | null) => void;
  onDragMove?: (id: string, p: { x: number; y: number } | null) => void;
  onDragEnd?: (positions: Record<string, { x: number; y: number }>) => void;
  onConnect?: (source: string, target: string) => void;
  onPointer?: (p: { x: number; y: number } | null) => void;
  onDelete?: () => void;
  onInit?: (rf: ReactFlowInstance<MapFlowNode, Edge>) => void;
}

const nodeTypes = { arg: MapNodeView };
const PRO_OPTIONS = { hideAttribution: false };

function sameData(a: MapNodeData, b: MapNodeData): boolean {
  return (
    a.kind === b.kind &&
    a.text === b.text &&
    a.badge === b.badge &&
    a.colour === b.colour &&
    a.peerColour === b.peerColour &&
    a.peerNote === b.peerNote &&
    a.editable === b.editable &&
    a.themes.length === b.themes.length &&
    a.themes.every((t, i) => t.id === b.themes[i]!.id && t.name === b.themes[i]!.name && t.colour === b.themes[i]!.colour)
  );
}
/** From this many nodes a map is "large" (see fitOptions). */
const LARGE_MAP = 300;
const LARGE_MIN_ZOOM = 0.25;

export function MapCanvas(props: MapCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas(props: MapCanvasProps) {
  const { nodes, edges, positions, themes, peers, editable, selected, relationLabel, kindLabel } = props;
  const rf = useReactFlow<MapFlowNode, Edge>();
  const [rfNodes, setRfNodes] = useState<MapFlowNode[]>([]);
  const dragging = useRef(new Set<string>());
  // The handlers React Flow gets are stable and read the latest props: a new function per
  // render would re-render its whole node and edge renderers (hundreds of wrappers) on every
  // remote change.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // Each node's data while its graph node, peer mark, themes, labels and editability are the
  // same objects: a remote tag rebuilds the data of the one node it changed, not a thousand.
  const dataCache = useRef<{ themes: unknown; kindLabel: unknown; editable: boolean; byId: Map<string, { node: GraphNode; peer: unknown; data: MapNodeData }> }>({ themes: null, kindLabel: null, editable, byId: new Map() });

  const { draggingLabel } = props;
  // Pointers move many times a second; only selections and drags change how nodes look, so the
  // nodes are rebuilt when those change, not on every pointer move.
  const peerMarks = peers.map((p) => [p.color, p.name, p.selection, p.dragging] as const);
  const peerKey = JSON.stringify(peerMarks);
  const peerByNode = useMemo(() => {
    const m = new Map<string, { colour: string; note?: string; at?: { x: number; y: number } }>();
    for (const [color, name, selection, drag] of JSON.parse(peerKey) as typeof peerMarks) {
      for (const id of selection) m.set(id, { colour: color });
      if (drag) m.set(drag.id, { colour: color, note: draggingLabel(name), at: { x: drag.x, y: drag.y } });
    }
    return m;
  }, [peerKey, draggingLabel]);

  useEffect(() => {
    const cache = dataCache.current;
    if (cache.themes !== themes || cache.kindLabel !== kindLabel || cache.editable !== editable) {
      dataCache.current = { themes, kindLabel, editable, byId: new Map() };
    }
    const { byId } = dataCache.current;
    setRfNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      const next = nodes.map((n): MapFlowNode => {
        const old = before.get(n.id);
        const peer = peerByNode.get(n.id);
        const position = dragging.current.has(n.id) && old ? old.position : (peer?.at ?? positions[n.id] ?? old?.position ?? { x: 0, y: 0 });
        const isSelected = selected?.kind === "node" && selected.id === n.id;
        const cached = byId.get(n.id);
        if (cached && cached.node === n && cached.peer === peer && old && old.data === cached.data && old.selected === isSelected && old.position.x === position.x && old.position.y === position.y) return old;
        const data: MapNodeData = {
            kind: n.kind,
            text: n.text,
            badge: n.kind === "annotation" ? (n.documentTitle ?? "") : kindLabel(n.kind),
            ...(n.colour ? { colour: n.colour } : {}),
            themes: n.themeIds.flatMap((id) => {
              const t = themes.get(id);
              return t ? [{ id, name: t.name, colour: t.colour }] : [];
            }),
            ...(peer ? { peerColour: peer.colour } : {}),
            ...(peer?.note ? { peerNote: peer.note } : {}),
            editable,
        };
        // Unchanged nodes keep their object, so React Flow's memoised node components skip them.
        if (old && old.selected === isSelected && old.position.x === position.x && old.position.y === position.y && sameData(old.data, data)) {
          byId.set(n.id, { node: n, peer, data: old.data });
          return old;
        }
        byId.set(n.id, { node: n, peer, data });
        return { ...(old ?? {}), id: n.id, type: "arg", position, selected: isSelected, ariaLabel: `${kindLabel(n.kind)}: ${n.text.slice(0, 80)}`, data };
      });
      // Nothing changed (a remote edit elsewhere): the same array, so React does not re-render.
      return sameElements(prev, next) ? prev : next;
    });
  }, [nodes, positions, themes, peerByNode, editable, selected, kindLabel]);

  const manyEdges = edges.length > 300;
  // A large map opens on its first nodes at a readable zoom and cannot be zoomed out to show
  // everything at once: mounting hundreds of React nodes in one frame is what makes panning
  // and zooming stutter (the filters and "focus" are the way to see a part of a large map).
  const large = nodes.length > LARGE_MAP;
  const firstIds = large ? nodes.slice(0, 40).map((n) => n.id).join(",") : "";
  const fitOptions = useMemo(() => (firstIds ? { nodes: firstIds.split(",").map((id) => ({ id })), maxZoom: 1 } : { maxZoom: 1 }), [firstIds]);
  // Edges keep their objects while what they show is unchanged (and the array too when nothing
  // changed): a remote tag or a moved node must not make React Flow re-process 2,000 edges.
  const [flowEdges] = useState(createFlowEdges);
  const rfEdges = useMemo(() => flowEdges(edges, selected?.kind === "edge" ? selected.id : null, { relationLabel, manyEdges, large }), [flowEdges, edges, selected, relationLabel, manyEdges, large]);


  // The map's documents sync after the first render: fit the view once nodes first arrive.
  const hadNodes = useRef(false);
  const initialised = useNodesInitialized();
  useEffect(() => {
    if (hadNodes.current || !initialised || rfNodes.length === 0 || !nodes.every((n) => positions[n.id])) return;
    hadNodes.current = true;
    const frame = requestAnimationFrame(() => void rf.fitView(fitOptions));
    return () => cancelAnimationFrame(frame);
  }, [initialised, rfNodes.length, rf, fitOptions, nodes, positions]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      const { onDragMove, onDragEnd } = latest.current;
      setRfNodes((nds) => applyNodeChanges(changes, nds));
      const ended: Record<string, { x: number; y: number }> = {};
      for (const c of changes) {
        if (c.type === "position") {
          if (c.dragging && c.position) {
            dragging.current.add(c.id);
            onDragMove?.(c.id, c.position);
          } else if (!c.dragging && dragging.current.has(c.id)) {
            dragging.current.delete(c.id);
            const node = rf.getNode(c.id);
            const p = c.position ?? node?.position;
            if (p) ended[c.id] = p;
            onDragMove?.(c.id, null);
          }
        }
      }
      if (Object.keys(ended).length) onDragEnd?.(ended);
    },
    [rf],
  );

  const onMove = useCallback(
    (e: React.MouseEvent) => {
      const { onPointer } = latest.current;
      if (!onPointer) return;
      onPointer(rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [rf],
  );
  const onNodeClick = useCallback((_: unknown, n: { id: string }) => latest.current.onSelect({ kind: "node", id: n.id }), []);
  const onEdgeClick = useCallback((_: unknown, e: { id: string }) => latest.current.onSelect({ kind: "edge", id: e.id }), []);
  const onPaneClick = useCallback(() => latest.current.onSelect(null), []);
  const onFlowConnect = useCallback((c: Connection) => c.source && c.target && latest.current.onConnect?.(c.source, c.target), []);
  const onKeyDown = useCallback((e: React.KeyboardEvent) => {
    if ((e.key === "Delete" || e.key === "Backspace") && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) latest.current.onDelete?.();
  }, []);
  const hasInit = !!props.onInit;
  const onInit = useCallback((inst: ReactFlowInstance<MapFlowNode, Edge>) => latest.current.onInit?.(inst), []);

  return (
    <div className={styles.flow} style={{ width: "100%", height: "100%" }} onMouseMove={onMove} onMouseLeave={() => latest.current.onPointer?.(null)}>
      <ReactFlow<MapFlowNode, Edge>
        nodes={rfNodes}
        edges={rfEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onConnect={onFlowConnect}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={null}
        onKeyDown={onKeyDown}
        onlyRenderVisibleElements={nodes.length > 150}
        minZoom={large ? LARGE_MIN_ZOOM : 0.05}
        maxZoom={2}
        fitView
        fitViewOptions={fitOptions}
        {...(hasInit ? { onInit } : {})}
        proOptions={PRO_OPTIONS}
      >
        <Background gap={24} color="#e4e2dc" />
        <Controls showInteractive={false} />
        {nodes.length <= 400 && <MiniMap pannable zoomable nodeColor={(n) => (n.data.kind === "claim" ? "#0072b2" : n.data.kind === "question" ? "#7a5cc4" : "#c9b458")} />}
        <ViewportPortal>
          {peers.map((p) =>
            p.pointer ? (
              <div key={p.clientId} className={styles.pointer} style={{ transform: `translate(${p.pointer.x}px, ${p.pointer.y}px)` }} data-testid="map-peer-pointer">
                <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
                  <path d="M1 1 L1 17 L5 13 L8 19 L11 18 L8 12 L14 12 Z" fill={p.color} stroke="#fff" strokeWidth="1.2" />
                </svg>
                <span className={styles.pointerLabel} style={{ background: p.color }}>
                  {p.name}
                </span>
              </div>
            ) : null,
          )}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
