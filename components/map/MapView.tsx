"use client";

/**
 * The argument map page (issue #7): annotation nodes and free claims/questions from the
 * workspace Y.Doc, typed edges, automatic layout in a worker plus shared manual positions,
 * other users' pointers, selections and drags, filters, focus, undo, and exports.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Edge, ReactFlowInstance } from "@xyflow/react";
import { createLink, placeAnnotation, removeFromMap, removeLink, addFreeNode, setPositions } from "@/lib/collab/model";
import { createGraphBuilder, filterGraph, placeNewNodes, RELATIONS, toAif, toArgdown, toSvg, type ArgumentGraph, type LinkEndpoint, type Relation } from "@/lib/core/argument";
import { MapCanvas } from "./MapCanvas";
import type { MapFlowNode } from "./MapNodeView";
import { useMapSession } from "@/lib/collab/client/react/use-map-session";
import type { MapDocumentInfo } from "@/lib/collab/client";
import { useMapData } from "@/lib/collab/client/react/use-map-data";
import { useLayout } from "./use-layout";
import { useMapPeers, usePublish } from "@/lib/collab/client/react";
import { MapSidebar, type MapFilters } from "./MapSidebar";
import { download, exportName, svgToPng } from "./export-files";
import styles from "./map.module.css";

export interface MapViewProps {
  workspace: { id: string; slug: string; name: string };
  documents: MapDocumentInfo[];
  user: { id: string; name: string };
  canManage: boolean;
}

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

export function MapView({ workspace, documents, user, canManage }: MapViewProps) {
  const t = useTranslations("argument");
  const session = useMapSession(workspace.id, useMemo(() => documents.map((d) => d.id), [documents]), user);
  const connection = session.status;
  const meta = session.meta;
  const data = useMapData(meta, session.documents, documents);
  const editable = canManage && session.open && !session.readOnly && connection !== "refused";

  // ── graph and filters ───────────────────────────────────────────────
  const [filters, setFilters] = useState<MapFilters>({ themeId: "", documentId: "", relations: new Set(RELATIONS) });
  const [focus, setFocus] = useState<string | null>(null);
  // Incremental: a remote tag replaces one node and keeps the edges (see createGraphBuilder).
  const [build] = useState(createGraphBuilder);
  const graph = useMemo(() => build({ annotations: data.annotations, nodes: data.nodes, links: data.links }), [build, data]);
  // What placement and layout read of the graph (ids, texts, edges), the same object while
  // those are the same, so a tag edit does not place, lay out or re-spread positions again.
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

  // ── automatic layout for nodes without a shared position ────────────
  const layout = useLayout();
  const [auto, setAuto] = useState<Record<string, { x: number; y: number }>>({});
  const [layouting, setLayouting] = useState(false);
  // Once anything has a shared position, new nodes take free room near what they link to
  // (placeNewNodes: the same on every client); before that, the whole map is laid out by ELK.
  const anyPlaced = useMemo(() => shape.nodes.some((n) => data.positions[n.id]), [shape, data.positions]);
  const added = useMemo(() => (anyPlaced ? placeNewNodes(shape.nodes, shape.edges, data.positions) : {}), [anyPlaced, shape, data.positions]);
  const missing = useMemo(() => !anyPlaced && shape.nodes.some((n) => !auto[n.id]), [anyPlaced, shape, auto]);
  const graphKey = useMemo(() => shape.nodes.map((n) => n.id).join(",") + "|" + shape.edges.map((e) => e.id).join(","), [shape]);
  useEffect(() => {
    if (!missing) return;
    const timer = setTimeout(() => {
      setLayouting(true);
      layout(shape.nodes.map((n) => ({ id: n.id, text: n.text })), shape.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })))
        .then(setAuto, () => {})
        .finally(() => setLayouting(false));
    }, 120);
    return () => clearTimeout(timer);
    // graphKey stands for shape: a re-render with the same nodes and edges must not lay out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graphKey, missing, layout]);
  const positions = useMemo(() => (anyPlaced ? { ...added, ...data.positions } : auto), [anyPlaced, added, auto, data.positions]);
  // The first drag on a map laid out automatically adopts that layout for everyone: without
  // it, the other nodes would jump from ELK's places to placeNewNodes' ones.
  const onDragEnd = (moved: Record<string, { x: number; y: number }>) => meta && setPositions(meta, anyPlaced ? moved : { ...Object.fromEntries(shape.nodes.flatMap((n) => (auto[n.id] ? [[n.id, auto[n.id]!]] : []))), ...moved });

  // ── undo ────────────────────────────────────────────────────────────
  const undo = session.undo;
  const [stacks, setStacks] = useState({ undo: 0, redo: 0 });
  useEffect(() => {
    if (!undo) return;
    const on = () => setStacks({ undo: undo.undoStack.length, redo: undo.redoStack.length });
    undo.on("stack-item-added", on);
    undo.on("stack-item-popped", on);
    return () => {
      undo.off("stack-item-added", on);
      undo.off("stack-item-popped", on);
    };
  }, [undo]);

  // ── presence ────────────────────────────────────────────────────────
  const awareness = session.awareness;
  const peers = useMapPeers(awareness);
  const publishPointer = usePublish(awareness, "mapPointer");
  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField("mapPointer", null);
    return () => {
      for (const f of ["mapPointer", "mapDrag", "mapSelection"]) awareness.setLocalStateField(f, undefined);
    };
  }, [awareness]);
  const publishDrag = usePublish(awareness, "mapDrag");
  const publishSelection = usePublish(awareness, "mapSelection");
  const [selected, setSelected] = useState<{ kind: "node" | "edge"; id: string } | null>(null);
  useEffect(() => publishSelection(selected?.kind === "node" ? [selected.id] : []), [selected, publishSelection]);

  // ── edits ───────────────────────────────────────────────────────────
  const [notice, setNotice] = useState<{ text: string; undo?: boolean; error?: boolean } | null>(null);
  const rf = useRef<ReactFlowInstance<MapFlowNode, Edge> | null>(null);
  const exportMenu = useRef<HTMLDetailsElement | null>(null);
  const actor = useMemo(() => ({ id: user.id, name: user.name }), [user]);
  const catalog = useMemo(
    () => ({ hasAnnotation: (id: string) => data.annotations.has(id), hasNode: (id: string) => data.nodes.some((n) => n.id === id && n.kind !== "annotation") }),
    [data],
  );
  const endpointOf = useCallback(
    (graphId: string): LinkEndpoint => {
      const a = data.annotations.get(graphId);
      return a ? { kind: "annotation", id: a.id, documentId: a.documentId } : { kind: "node", id: graphId };
    },
    [data.annotations],
  );
  const fail = useCallback((e: unknown) => {
    const key = e instanceof Error ? e.message : "";
    const known = ["link_to_itself", "link_duplicate", "link_endpoint_missing", "node_text_empty", "node_text_too_long"];
    setNotice({ text: t(`errors.${known.includes(key) ? key : "generic"}`), error: true });
  }, [t]);

  const link = useCallback(
    (source: string, target: string, relation: Relation, note?: string) => {
      if (!meta) return;
      createLink(meta, { from: endpointOf(source), to: endpointOf(target), relation, ...(note ? { note } : {}) }, catalog, actor, new Date());
    },
    [meta, endpointOf, catalog, actor],
  );
  const [newRelation, setNewRelation] = useState<Relation>("supports");

  const centre = () => {
    const inst = rf.current;
    const box = document.querySelector("[data-testid=map-canvas]")?.getBoundingClientRect();
    if (!inst || !box) return { x: 0, y: 0 };
    const p = inst.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    return { x: p.x - 120 + Math.round(Math.random() * 40), y: p.y - 30 + Math.round(Math.random() * 40) };
  };

  const remove = useCallback(() => {
    if (!meta || !selected || !editable) return;
    try {
      if (selected.kind === "edge") removeLink(meta, selected.id);
      else removeFromMap(meta, selected.id);
      setSelected(null);
      if (focus === selected.id) setFocus(null);
      setNotice({ text: t("toolbar.deleted"), undo: true });
    } catch (e) {
      fail(e);
    }
  }, [meta, selected, editable, focus, t, fail]);

  const doExport = async (format: "svg" | "png" | "argdown" | "aif") => {
    const now = new Date();
    const relationLabel = (r: Relation) => t(`relations.${r}`);
    if (format === "aif") return download(exportName(workspace.name, "json", now), "application/json", JSON.stringify(toAif(shown, { title: workspace.name, now }), null, 2));
    if (format === "argdown") return download(exportName(workspace.name, "argdown", now), "text/plain;charset=utf-8", toArgdown(shown, { title: workspace.name, relationLabel }));
    const svg = toSvg(shown, positions, { title: workspace.name, relationLabel, kindLabel: (k) => t(`kinds.${k}`) });
    if (format === "svg") return download(exportName(workspace.name, "svg", now), "image/svg+xml", svg);
    download(exportName(workspace.name, "png", now), "image/png", await svgToPng(svg));
  };

  const selectedNode = selected?.kind === "node" ? graph.nodes.find((n) => n.id === selected.id) ?? null : null;
  const relationLabel = useCallback((r: Relation) => t(`relations.${r}`), [t]);
  const kindLabel = useCallback((k: "annotation" | "claim" | "question") => t(`kinds.${k}`), [t]);
  const draggingLabel = useCallback((name: string) => t("map.dragging", { name }), [t]);

  return (
    <div
      className={styles.layout}
      data-testid="map-view"
      data-connection={connection}
      onKeyDown={(e) => {
        // Ctrl/⌘+Z and Ctrl/⌘+Shift+Z (or Ctrl+Y) on the map, not while typing.
        if (!(e.ctrlKey || e.metaKey) || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || !undo) return;
        const key = e.key.toLowerCase();
        if (key === "z" && !e.shiftKey) undo.undo();
        else if ((key === "z" && e.shiftKey) || key === "y") undo.redo();
        else return;
        e.preventDefault();
      }}
    >
      <MapSidebar
        workspaceSlug={workspace.slug}
        documents={documents}
        themes={data.themes}
        filters={filters}
        onFilters={setFilters}
        editable={editable}
        graph={graph}
        annotations={data.annotations}
        links={data.links}
        selectedNode={selectedNode}
        focus={focus}
        onFocus={setFocus}
        onSelect={(id) => setSelected(id ? { kind: "node", id } : null)}
        onAddNode={(kind, text) => {
          if (!meta) return;
          try {
            const node = addFreeNode(meta, { kind, text, position: centre() }, actor, new Date());
            setSelected({ kind: "node", id: node.id });
          } catch (e) {
            fail(e);
            throw e;
          }
        }}
        onPlace={(annotationId) => {
          if (!meta) return;
          placeAnnotation(meta, annotationId, centre(), actor, new Date());
          setSelected({ kind: "node", id: annotationId });
        }}
        onLink={(source, target, relation, note) => link(source, target, relation, note)}
        onRemoveLink={(id) => meta && removeLink(meta, id)}
        onDelete={remove}
      />
      <section aria-label={t("pageTitle")} className={styles.main}>
        <div className={styles.toolbar} role="toolbar" aria-label={t("pageTitle")}>
          <button type="button" className="btn" disabled={!undo || stacks.undo === 0} onClick={() => undo?.undo()} data-testid="map-undo">
            {t("toolbar.undo")}
          </button>
          <button type="button" className="btn" disabled={!undo || stacks.redo === 0} onClick={() => undo?.redo()}>
            {t("toolbar.redo")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={!editable || shown.nodes.length === 0 || layouting}
            onClick={() => {
              setLayouting(true);
              layout(shown.nodes.map((n) => ({ id: n.id, text: n.text })), shown.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })))
                .then((p) => meta && setPositions(meta, p))
                .then(() => requestAnimationFrame(() => void rf.current?.fitView({ duration: 300 })))
                .catch(fail)
                .finally(() => setLayouting(false));
            }}
            data-testid="map-layout"
          >
            {t("toolbar.layout")}
          </button>
          <label className="small">
            {t("toolbar.newLinkRelation")}{" "}
            <select value={newRelation} onChange={(e) => setNewRelation(e.target.value as Relation)} data-testid="map-new-relation" disabled={!editable}>
              {RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relations.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <span style={{ flex: 1 }} />
          <span className={styles.status} data-testid="map-connection">
            {t(`map.connection.${connection}`)}
            {peers.length > 0 && ` · ${t("map.peers", { count: peers.length })}`}
            {layouting && ` · ${t("map.layouting")}`}
          </span>
          <details className="small" style={{ position: "relative" }} ref={exportMenu}>
            <summary className="btn" data-testid="map-export">{t("toolbar.export")}</summary>
            <div className="card" style={{ position: "absolute", right: 0, zIndex: 20, padding: "0.5rem", display: "flex", flexDirection: "column", gap: 4, minWidth: 160 }}>
              {(["svg", "png", "argdown", "aif"] as const).map((f) => (
                <button key={f} type="button" className="btn" onClick={() => {
                    if (exportMenu.current) exportMenu.current.open = false;
                    void doExport(f);
                  }} data-testid={`map-export-${f}`}>
                  {t(`toolbar.export${f === "svg" ? "Svg" : f === "png" ? "Png" : f === "aif" ? "Aif" : "Argdown"}`)}
                </button>
              ))}
            </div>
          </details>
        </div>
        <div className={styles.canvas} data-testid="map-canvas" data-nodes={shown.nodes.length} data-edges={shown.edges.length}>
          {notice && (
            <div className={styles.banner} role={notice.error ? "alert" : "status"} data-testid="map-notice">
              {notice.text}
              {notice.undo && (
                <button type="button" className="btn link" onClick={() => (undo?.undo(), setNotice(null))} data-testid="map-notice-undo">
                  {t("toolbar.undo")}
                </button>
              )}
              <button type="button" className="btn link" onClick={() => setNotice(null)} aria-label="×">
                ×
              </button>
            </div>
          )}
          {graph.dangling.length > 0 && <p className="small muted" style={{ position: "absolute", bottom: 4, left: 60, zIndex: 5 }}>{t("map.dangling", { count: graph.dangling.length })}</p>}
          {session.open && graph.nodes.length === 0 && <div className={styles.empty}>{t("map.empty")}</div>}
          {!session.open && <div className={styles.empty}>{connection === "refused" ? t("map.connection.refused") : t("map.loading")}</div>}
          <MapCanvas
            nodes={shown.nodes}
            edges={shown.edges}
            positions={positions}
            themes={themes}
            peers={peers}
            editable={editable}
            selected={selected}
            relationLabel={relationLabel}
            kindLabel={kindLabel}
            draggingLabel={draggingLabel}
            onSelect={setSelected}
            onDragMove={(id, p) => publishDrag(p ? { id, x: p.x, y: p.y } : null)}
            onDragEnd={onDragEnd}
            onConnect={(s, tgt) => {
              try {
                link(s, tgt, newRelation);
              } catch (e) {
                fail(e);
              }
            }}
            onPointer={publishPointer}
            onDelete={remove}
            onInit={(inst) => (rf.current = inst)}
          />
        </div>
        <p className="small muted">{editable ? t("map.hint") : t("map.readOnly")}</p>
      </section>
    </div>
  );
}
