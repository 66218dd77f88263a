"use client";

/** The map's side panel: filters (with the relation legend), new claims/questions, passages to place, and the selected node. */
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { ThemeEntry } from "@/lib/core/collab";
import { RELATION_COLOURS, RELATION_DASHED, RELATIONS, type ArgumentGraph, type ArgumentLink, type CatalogAnnotation, type GraphNode, type Relation } from "@/lib/core/argument";
import { LinkChips } from "../links/LinkChips";
import { LinkPicker, type PickerCandidate } from "../links/LinkPicker";
import styles from "./map.module.css";
import { compareHref as compareLink } from "@/lib/core/compare/href";

export interface MapFilters {
  themeId: string;
  documentId: string;
  relations: Set<Relation>;
}

interface Props {
  workspaceSlug: string;
  documents: { id: string; title: string }[];
  themes: ThemeEntry[];
  filters: MapFilters;
  onFilters: (f: MapFilters) => void;
  editable: boolean;
  graph: ArgumentGraph;
  annotations: ReadonlyMap<string, CatalogAnnotation>;
  links: ArgumentLink[];
  selectedNode: GraphNode | null;
  focus: string | null;
  onFocus: (id: string | null) => void;
  onSelect: (id: string | null) => void;
  onAddNode: (kind: "claim" | "question", text: string) => void;
  onPlace: (annotationId: string) => void;
  onLink: (source: string, target: string, relation: Relation, note?: string) => void;
  onRemoveLink: (id: string) => void;
  onDelete: () => void;
}

/** The compare view opened on one passage (lib/core/compare/href owns the URL format). */
export function compareHref(slug: string, documentId: string, annotationId: string): string {
  return compareLink(slug, [documentId], annotationId);
}

export function MapSidebar(p: Props) {
  const t = useTranslations("argument");
  const [text, setText] = useState("");
  const [placeQuery, setPlaceQuery] = useState("");
  const onMap = useMemo(() => new Set(p.graph.nodes.map((n) => n.id)), [p.graph]);
  // Only while a node is selected (the link picker's list): rebuilding ten thousand candidates on
  // every remote change would cost each update a few milliseconds for a list nobody sees.
  const picking = !!p.selectedNode;
  const candidates = useMemo<PickerCandidate[]>(
    () =>
      picking
        ? [
            ...[...p.annotations.values()].map((a) => ({ id: a.id, kind: "annotation" as const, documentId: a.documentId, documentTitle: a.documentTitle, text: a.exact })),
            ...p.graph.nodes.filter((n) => n.kind !== "annotation").map((n) => ({ id: n.id, kind: "node" as const, documentTitle: t(`kinds.${n.kind}`), text: n.text })),
          ]
        : [],
    [picking, p.annotations, p.graph, t],
  );
  const placeable = useMemo(() => {
    const q = placeQuery.normalize("NFKC").toLowerCase().trim();
    // The first 30 that match: stop there rather than test all ten thousand on every change.
    const out: CatalogAnnotation[] = [];
    for (const a of p.annotations.values()) {
      if (!onMap.has(a.id) && (!q || a.exact.normalize("NFKC").toLowerCase().includes(q) || a.documentTitle.toLowerCase().includes(q))) out.push(a);
      if (out.length === 30) break;
    }
    return out;
  }, [p.annotations, onMap, placeQuery]);
  const describe = (end: { id: string }) => {
    const a = p.annotations.get(end.id);
    if (a) return { label: a.exact };
    const n = p.graph.nodes.find((x) => x.id === end.id);
    return n ? { label: n.text } : { label: "", missing: true };
  };
  const sel = p.selectedNode;

  return (
    <aside className={styles.sidebar} aria-label={t("filters.title")}>
      <fieldset>
        <legend>{t("filters.title")}</legend>
        <label>
          {t("filters.theme")}
          <select value={p.filters.themeId} onChange={(e) => p.onFilters({ ...p.filters, themeId: e.target.value })} data-testid="map-filter-theme">
            <option value="">{t("filters.allThemes")}</option>
            {p.themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filters.document")}
          <select value={p.filters.documentId} onChange={(e) => p.onFilters({ ...p.filters, documentId: e.target.value })} data-testid="map-filter-document">
            <option value="">{t("filters.allDocuments")}</option>
            {p.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.legend} role="group" aria-label={t("filters.relations")}>
          {RELATIONS.map((r) => (
            <label key={r}>
              <input
                type="checkbox"
                checked={p.filters.relations.has(r)}
                onChange={(e) => {
                  const next = new Set(p.filters.relations);
                  if (e.target.checked) next.add(r);
                  else next.delete(r);
                  p.onFilters({ ...p.filters, relations: next });
                }}
                data-testid={`map-filter-relation-${r}`}
              />
              <span className={`${styles.swatch} ${RELATION_DASHED[r] ? styles.swatchDashed : ""}`} style={{ borderTopColor: RELATION_COLOURS[r] }} aria-hidden="true" />
              {t(`relations.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {sel && (
        <fieldset data-testid="map-selected" key={sel.id}>
          <legend>{sel.kind === "annotation" ? sel.documentTitle : t(`kinds.${sel.kind}`)}</legend>
          <p className="small" style={{ margin: "0 0 0.4rem", maxHeight: 120, overflowY: "auto" }} lang="ja">
            {sel.text}
          </p>
          <div className="row" style={{ gap: 4 }}>
            {p.focus === sel.id ? (
              <button type="button" className="btn" onClick={() => p.onFocus(null)} data-testid="map-show-all">
                {t("toolbar.showAll")}
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => p.onFocus(sel.id)} data-testid="map-focus">
                {t("toolbar.focus")}
              </button>
            )}
            {sel.kind === "annotation" && sel.documentId && (
              <a className="btn" href={compareHref(p.workspaceSlug, sel.documentId, sel.id)} data-testid="map-open-passage">
                {t("toolbar.openPassage")}
              </a>
            )}
            {p.editable && (
              <button type="button" className="btn" onClick={p.onDelete} data-testid="map-delete">
                {t("toolbar.delete")}
              </button>
            )}
          </div>
          <LinkChips endpointId={sel.id} links={p.links} describe={describe} onOpen={(end) => p.onSelect(end.id)} {...(p.editable ? { onRemove: p.onRemoveLink } : {})} />
          {p.editable && (
            <details style={{ marginTop: 6 }}>
              <summary className="small" data-testid="map-link-to">{t("picker.title")}</summary>
              <LinkPicker candidates={candidates} excludeId={sel.id} onCreate={({ to, relation, note }) => p.onLink(sel.id, to.id, relation, note)} />
            </details>
          )}
        </fieldset>
      )}

      {p.editable && (
        <fieldset>
          <legend>{t("kinds.claim")} / {t("kinds.question")}</legend>
          <textarea rows={2} value={text} maxLength={300} placeholder={t("toolbar.newNodePlaceholder")} onChange={(e) => setText(e.target.value)} data-testid="map-new-node-text" />
          <div className="row" style={{ gap: 4, marginTop: 4 }}>
            {(["claim", "question"] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                className="btn"
                disabled={!text.trim()}
                onClick={() => {
                  try {
                    p.onAddNode(kind, text);
                    setText("");
                  } catch {
                    // shown by the map's notice
                  }
                }}
                data-testid={`map-add-${kind}`}
              >
                {t(kind === "claim" ? "toolbar.addClaim" : "toolbar.addQuestion")}
              </button>
            ))}
          </div>
        </fieldset>
      )}

      {p.editable && (
        <fieldset>
          <legend>{t("kinds.annotation")}</legend>
          <input type="text" value={placeQuery} onChange={(e) => setPlaceQuery(e.target.value)} placeholder={t("picker.placeholder")} aria-label={t("picker.search")} data-testid="map-place-search" />
          <ul style={{ listStyle: "none", margin: "4px 0 0", padding: 0, maxHeight: 200, overflowY: "auto" }}>
            {placeable.map((a) => (
              <li key={a.id}>
                <button type="button" className="btn link small" style={{ textAlign: "left", display: "block" }} onClick={() => p.onPlace(a.id)} data-testid="map-place" data-annotation-id={a.id}>
                  <span className="muted">{a.documentTitle}</span> {a.exact.slice(0, 40)}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </aside>
  );
}
