"use client";

/**
 * The argument map page (issue #7): annotation nodes and free claims/questions from the
 * workspace Y.Doc, typed edges, automatic layout in a worker plus shared manual positions,
 * other users' pointers, selections and drags, filters, focus, undo, and exports. Each concern
 * is a hook of its own (session, graph, layout, presence, edits, export); this component wires
 * them and lays the page out.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { Edge, ReactFlowInstance } from "@xyflow/react";
import type { MapDocumentInfo } from "@/lib/collab/client";
import { useMapData } from "@/lib/collab/client/react/use-map-data";
import { useMapSession } from "@/lib/collab/client/react/use-map-session";
import { RELATIONS, type Relation } from "@/lib/core/argument";
import { MapCanvas } from "./MapCanvas";
import type { MapFlowNode } from "./MapNodeView";
import { MapSidebar, type MapFilters } from "./MapSidebar";
import { MapToolbar } from "./MapToolbar";
import { useMapEdits } from "./use-map-edits";
import { useMapExport } from "./use-map-export";
import { useMapGraph } from "./use-map-graph";
import { useMapLayout } from "./use-map-layout";
import { useMapPresence } from "./use-map-presence";
import { useUndoStacks } from "./use-undo-stacks";
import styles from "./map.module.css";

export interface MapViewProps {
  workspace: { id: string; slug: string; name: string };
  documents: MapDocumentInfo[];
  user: { id: string; name: string };
  canManage: boolean;
}

export function MapView({ workspace, documents, user, canManage }: MapViewProps) {
  const t = useTranslations("argument");
  const session = useMapSession(workspace.id, useMemo(() => documents.map((d) => d.id), [documents]), user);
  const connection = session.status;
  const commands = session.commands;
  const data = useMapData(session.meta, session.documents, documents);
  const editable = canManage && session.open && !session.readOnly && connection !== "refused";

  const rf = useRef<ReactFlowInstance<MapFlowNode, Edge> | null>(null);
  const centre = () => {
    const inst = rf.current;
    const box = document.querySelector("[data-testid=map-canvas]")?.getBoundingClientRect();
    if (!inst || !box) return { x: 0, y: 0 };
    const p = inst.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    return { x: p.x - 120 + Math.round(Math.random() * 40), y: p.y - 30 + Math.round(Math.random() * 40) };
  };
  const edits = useMapEdits({ commands, data, editable, centre });
  const { selected, setSelected, focus, setFocus, notice, setNotice, fail, link, remove } = edits;

  const [filters, setFilters] = useState<MapFilters>({ themeId: "", documentId: "", relations: new Set(RELATIONS) });
  const { graph, shape, shown, themes } = useMapGraph(data, filters, focus);
  const { positions, layouting, afterDrag, relayout } = useMapLayout(shape, data.positions);
  const undo = session.undo;
  const stacks = useUndoStacks(undo);
  const { peers, publishPointer, publishDrag } = useMapPresence(session.awareness, selected?.kind === "node" ? selected.id : null);
  const doExport = useMapExport(workspace.name, shown, positions);
  const [newRelation, setNewRelation] = useState<Relation>("supports");

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
        onAddNode={edits.addNode}
        onPlace={edits.place}
        onLink={(source, target, relation, note) => link(source, target, relation, note)}
        onRemoveLink={(id) => commands?.unlink(id)}
        onDelete={remove}
      />
      <section aria-label={t("pageTitle")} className={styles.main}>
        <MapToolbar
          stacks={stacks}
          onUndo={undo ? () => undo.undo() : undefined}
          onRedo={undo ? () => undo.redo() : undefined}
          onLayout={
            editable && shown.nodes.length > 0 && !layouting
              ? () =>
                  void relayout(shown.nodes, shown.edges)
                    .then((p) => commands?.setPositions(p))
                    .then(() => requestAnimationFrame(() => void rf.current?.fitView({ duration: 300 })))
                    .catch(fail)
              : undefined
          }
          editable={editable}
          relation={newRelation}
          onRelation={setNewRelation}
          connection={connection}
          peers={peers.length}
          layouting={layouting}
          onExport={(f) => void doExport(f)}
        />
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
            onDragEnd={(moved) => commands?.setPositions(afterDrag(moved))}
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
