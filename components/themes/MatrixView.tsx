"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { computeCooccurrence, computeMatrix, type AnalysisDocument } from "@/lib/core/themes";
import { useConnectionStatus, useDocumentDocs, useWorkspaceSession } from "@/lib/collab/client/react";
import { useWorkspaceThemes } from "@/lib/collab/client/react";
import { useWorkspaceAnnotations } from "@/lib/collab/client/react";
import { MatrixTable } from "./MatrixTable";
import { CooccurrenceTable } from "./CooccurrenceTable";
import { ExcerptList, type Excerpt } from "./Excerpts";
import { LiveStatus } from "./LiveStatus";
import styles from "./themes.module.css";

export interface MatrixViewProps {
  workspaceId: string;
  slug: string;
  documents: AnalysisDocument[];
  collab: { url: string; token: string };
  user: { id: string; name: string };
}

type Selection = { kind: "cell"; themeId: string; documentIndex: number } | { kind: "theme"; themeId: string } | { kind: "pair"; a: string; b: string } | null;

/**
 * The analysis page: theme × document matrix, co-occurrence, and the excerpts behind any cell
 * or theme (parallel columns, one per document). Everything is computed in the browser from
 * the live Y.Docs, so it updates as people tag.
 */
export function MatrixView({ workspaceId, slug, documents, collab, user }: MatrixViewProps) {
  const t = useTranslations("themes");
  const live = useWorkspaceSession(collab, workspaceId, user);
  const session = live.session;
  const status = useConnectionStatus(live);
  const themes = useWorkspaceThemes(session?.meta.doc);
  const docs = useDocumentDocs(session, documents.map((d) => d.id));
  const { annotations, byId } = useWorkspaceAnnotations(docs);
  const [tab, setTab] = useState<"matrix" | "cooccurrence">("matrix");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selection, setSelection] = useState<Selection>(null);

  const matrix = useMemo(() => computeMatrix({ themes: themes.all, documents, annotations }), [themes.all, documents, annotations]);
  const cooc = useMemo(
    () => (tab === "cooccurrence" || selection?.kind === "pair" ? computeCooccurrence({ themes: themes.all, annotations, documentOrder: documents.map((d) => d.id) }) : null),
    [tab, selection?.kind, themes.all, annotations, documents],
  );

  const onToggle = useCallback((id: string) => setCollapsed((c) => {
    const next = new Set(c);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const onCell = useCallback((themeId: string, documentIndex: number) => setSelection({ kind: "cell", themeId, documentIndex }), []);
  const onTheme = useCallback((themeId: string) => setSelection({ kind: "theme", themeId }), []);
  const onPair = useCallback((a: string, b: string) => setSelection({ kind: "pair", a, b }), []);

  const excerptsOf = (ids: readonly string[]): Excerpt[] =>
    ids.flatMap((id) => {
      const a = byId.get(id);
      return a ? [{ key: id, documentId: a.documentId, annotationId: a.id, text: a.exact, authorName: a.authorName }] : [];
    });
  const rowOf = (id: string) => matrix.rows.find((r) => r.theme.id === id);
  const csv = (kind: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}/themes/csv?kind=${kind}`;

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p className="muted small" style={{ margin: 0 }}>{tab === "matrix" ? t("matrix.intro") : t("cooccurrence.intro")}</p>
        <span className="row">
          <LiveStatus status={status} />
          <Link href={`/w/${encodeURIComponent(slug)}/themes`}>{t("matrix.manageThemes")}</Link>
        </span>
      </div>
      <div className={styles.tabs} role="tablist">
        <button type="button" role="tab" className={styles.tab} aria-selected={tab === "matrix"} onClick={() => setTab("matrix")} data-testid="tab-matrix">
          {t("matrix.tabMatrix")}
        </button>
        <button type="button" role="tab" className={styles.tab} aria-selected={tab === "cooccurrence"} onClick={() => setTab("cooccurrence")} data-testid="tab-cooccurrence">
          {t("matrix.tabCooccurrence")}
        </button>
        <span className={styles.tabsEnd}>
          <a className="btn small" href={csv(tab)} download data-testid="csv-download">
            {t("matrix.csv")}
          </a>
        </span>
      </div>
      {documents.length === 0 ? (
        <p className="muted">{t("matrix.noDocuments")}</p>
      ) : themes.ready && themes.live.length === 0 ? (
        <p className="muted" data-testid="matrix-empty">{t("matrix.noThemes")}</p>
      ) : tab === "matrix" ? (
        <MatrixTable matrix={matrix} collapsed={collapsed} onToggle={onToggle} onCell={onCell} onTheme={onTheme} selected={selection?.kind === "cell" ? selection : null} />
      ) : cooc && cooc.maxCount === 0 ? (
        <p className="muted" data-testid="cooccurrence-empty">{t("cooccurrence.none")}</p>
      ) : cooc ? (
        <CooccurrenceTable table={cooc} onCell={onPair} selected={selection?.kind === "pair" ? selection : null} />
      ) : null}

      {selection?.kind === "cell" && rowOf(selection.themeId) && (
        <section className={`card ${styles.panel}`} data-testid="cell-excerpts" aria-live="polite">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 style={{ margin: 0 }}>{t("matrix.excerpts", { theme: rowOf(selection.themeId)!.theme.name, document: documents[selection.documentIndex]?.title ?? "" })}</h2>
            <button type="button" className="btn link" onClick={() => setSelection(null)}>{t("matrix.close")}</button>
          </div>
          <ExcerptList slug={slug} colour={rowOf(selection.themeId)!.theme.colour} excerpts={excerptsOf(rowOf(selection.themeId)!.cells[selection.documentIndex]?.annotationIds ?? [])} />
        </section>
      )}

      {selection?.kind === "theme" && rowOf(selection.themeId) && (
        <section className={styles.panel} data-testid="parallel-columns" aria-live="polite">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 style={{ margin: 0 }}>{t("matrix.acrossDocuments", { theme: rowOf(selection.themeId)!.theme.name })}</h2>
            <button type="button" className="btn link" onClick={() => setSelection(null)}>{t("matrix.close")}</button>
          </div>
          <div className={styles.columns}>
            {documents.map((d, di) => {
              const cell = rowOf(selection.themeId)!.cells[di]!;
              return (
                <div key={d.id} className={styles.column} data-testid="parallel-column" data-document-id={d.id} data-count={cell.count}>
                  <h3>{d.title} <span className="badge">{cell.count}</span></h3>
                  <ExcerptList slug={slug} colour={rowOf(selection.themeId)!.theme.colour} excerpts={excerptsOf(cell.annotationIds)} />
                </div>
              );
            })}
          </div>
        </section>
      )}

      {selection?.kind === "pair" && cooc && themes.byId.get(selection.a) && themes.byId.get(selection.b) && (
        <section className={`card ${styles.panel}`} data-testid="shared-passages" aria-live="polite">
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 style={{ margin: 0 }}>{t("cooccurrence.passages", { a: themes.byId.get(selection.a)!.name, b: themes.byId.get(selection.b)!.name })}</h2>
            <button type="button" className="btn link" onClick={() => setSelection(null)}>{t("matrix.close")}</button>
          </div>
          <ExcerptList
            slug={slug}
            excerpts={cooc.passages(selection.a, selection.b).map((p) => ({
              key: `${p.documentId}:${p.start}`,
              documentId: p.documentId,
              annotationId: p.annotationIds[0] ?? "",
              text: p.text,
              documentTitle: documents.find((d) => d.id === p.documentId)?.title,
            }))}
          />
        </section>
      )}
    </div>
  );
}
