"use client";

import { useRef } from "react";
import { useTranslations } from "next-intl";
import type { ConnectionStatus } from "@/lib/collab/client";
import { RELATIONS, type Relation } from "@/lib/core/argument";
import type { MapExportFormat } from "./use-map-export";
import styles from "./map.module.css";

interface Props {
  stacks: { undo: number; redo: number };
  onUndo?: () => void;
  onRedo?: () => void;
  /** Absent while a layout cannot run (read-only, empty map, one already running). */
  onLayout?: () => void;
  editable: boolean;
  relation: Relation;
  onRelation(r: Relation): void;
  connection: ConnectionStatus;
  peers: number;
  layouting: boolean;
  onExport(format: MapExportFormat): void;
}

const EXPORT_LABEL = { svg: "toolbar.exportSvg", png: "toolbar.exportPng", argdown: "toolbar.exportArgdown", aif: "toolbar.exportAif" } as const;

/** Undo, redo, layout, the relation of new links, the connection and the export menu. */
export function MapToolbar(p: Props) {
  const t = useTranslations("argument");
  const exportMenu = useRef<HTMLDetailsElement | null>(null);
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t("pageTitle")}>
      <button type="button" className="btn" disabled={!p.onUndo || p.stacks.undo === 0} onClick={p.onUndo} data-testid="map-undo">
        {t("toolbar.undo")}
      </button>
      <button type="button" className="btn" disabled={!p.onRedo || p.stacks.redo === 0} onClick={p.onRedo}>
        {t("toolbar.redo")}
      </button>
      <button type="button" className="btn" disabled={!p.onLayout} onClick={p.onLayout} data-testid="map-layout">
        {t("toolbar.layout")}
      </button>
      <label className="small">
        {t("toolbar.newLinkRelation")}{" "}
        <select value={p.relation} onChange={(e) => p.onRelation(e.target.value as Relation)} data-testid="map-new-relation" disabled={!p.editable}>
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`relations.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <span style={{ flex: 1 }} />
      <span className={styles.status} data-testid="map-connection">
        {t(`map.connection.${p.connection}`)}
        {p.peers > 0 && ` · ${t("map.peers", { count: p.peers })}`}
        {p.layouting && ` · ${t("map.layouting")}`}
      </span>
      <details className="small" style={{ position: "relative" }} ref={exportMenu}>
        <summary className="btn" data-testid="map-export">{t("toolbar.export")}</summary>
        <div className="card" style={{ position: "absolute", right: 0, zIndex: 20, padding: "0.5rem", display: "flex", flexDirection: "column", gap: 4, minWidth: 160 }}>
          {(["svg", "png", "argdown", "aif"] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="btn"
              onClick={() => {
                if (exportMenu.current) exportMenu.current.open = false;
                p.onExport(f);
              }}
              data-testid={`map-export-${f}`}
            >
              {t(EXPORT_LABEL[f])}
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}
