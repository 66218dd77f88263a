"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { RELATIONS, type Relation } from "@/lib/core/argument/relations";
import { openAtQuery } from "@/lib/core/compare/open-at";
import { SIMILAR_LIMITS } from "@/lib/core/similar/query";
import type { SimilarPassage } from "@/lib/core/similar/schemas";
import { useServerError } from "@/components/search/use-server-error";
import { fetchSimilar, linkToText, type TextRange } from "./fetch-similar";
import s from "./similar.module.css";

interface Props {
  workspaceId: string;
  /** The passage to find others like. */
  range: TextRange;
  /** The annotation a "link as…" starts from; absent (or no right to link): no link buttons. */
  linkFrom?: { annotationId: string; documentId: string } | undefined;
}

/**
 * The top similar passages of the other documents, each with its score, "open beside" (a pane
 * scrolled to it; the view's URL is the view, so this navigates) and "link as…" (the server
 * creates the far-end annotation and the link in one step).
 */
export function SimilarPassages({ workspaceId, range, linkFrom }: Props) {
  const t = useTranslations("similar");
  const tr = useTranslations("argument.relations");
  const reason = useServerError();
  const [passages, setPassages] = useState<SimilarPassage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { documentId, start, end } = range;
  useEffect(() => {
    const c = new AbortController();
    fetchSimilar(workspaceId, { documentId, start, end }, c.signal).then(
      (r) => setPassages(r.passages),
      (e: Error) => !c.signal.aborted && setError(e.message),
    );
    return () => c.abort();
  }, [workspaceId, documentId, start, end]);

  const openBeside = (p: SimilarPassage) => {
    const current = window.location.pathname.endsWith("/compare") ? window.location.search.slice(1) : "";
    const base = window.location.pathname.replace(/\/[^/]*$/, "/compare");
    window.location.assign(`${base}?${openAtQuery(current, p.documentId, p.start)}`);
  };
  const link = (p: SimilarPassage, relation: Relation) => {
    if (!linkFrom) return;
    setError(null);
    linkToText(workspaceId, linkFrom, { documentId: p.documentId, start: p.start, end: p.end }, relation).then(
      () => setDone(`${p.documentId}:${p.start}`),
      (e: Error) => setError(e.message),
    );
  };

  return (
    <section className={s.box} data-testid="similar-passages" aria-label={t("title")}>
      <h4 className={s.title}>{t("title")}</h4>
      {error && <p className="alert error small" role="alert">{reason(error)}</p>}
      {!passages && !error && <p className="small muted" role="status">{t("loading")}</p>}
      {passages?.length === 0 && <p className="small muted">{t("none")}</p>}
      <ol className={s.list}>
        {passages?.map((p) => (
          <li key={`${p.documentId}:${p.start}`} className={s.item} data-testid="similar-passage">
            <div className="small muted">
              <b className={s.docTitle}>{p.title}</b>
              {p.headingPath.length > 0 && <span> · {p.headingPath.join(" › ")}</span>}
              <span className={s.score} data-strong={p.score >= SIMILAR_LIMITS.strongScore || undefined}> {t("score", { score: p.score.toFixed(2) })}{p.score >= SIMILAR_LIMITS.strongScore ? ` · ${t("strong")}` : ""}</span>
            </div>
            <p className={s.snippet}>{p.snippet}</p>
            <div className={s.actions}>
              <button type="button" className="btn small" onClick={() => openBeside(p)} data-testid="similar-open">{t("openBeside")}</button>
              {linkFrom && (
                <select
                  className={s.relation}
                  aria-label={t("linkAs")}
                  value=""
                  onChange={(e) => e.target.value && link(p, e.target.value as Relation)}
                  data-testid="similar-link"
                >
                  <option value="">{t("linkAs")}</option>
                  {RELATIONS.map((r) => <option key={r} value={r}>{tr(r)}</option>)}
                </select>
              )}
              {done === `${p.documentId}:${p.start}` && <span className="small" role="status">{t("linked")}</span>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
