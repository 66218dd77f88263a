"use client";

import { useCallback, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { SEARCH_KINDS, type SearchKind, type SearchResult } from "@/lib/core/search/schemas";
import { fetchSearch } from "./fetch-search";
import { SearchHitRow } from "./SearchHitRow";
import { useServerError } from "./use-server-error";
import s from "./search.module.css";

interface Choice {
  id: string;
  name: string;
}

interface Props {
  workspaceId: string;
  slug: string;
  initialQuery: string;
  /** The compare view the search was started from (its query string), or "". */
  compareQuery: string;
  documents: { id: string; title: string }[];
  themes: Choice[];
  authors: Choice[];
}

interface Filters {
  document: string;
  kind: SearchKind | "";
  theme: string;
  author: string;
}

const PAGE = 20;

/** The search page's body: query, filters, results grouped by document, pages. */
export function SearchResults({ workspaceId, slug, initialQuery, compareQuery, documents, themes, authors }: Props) {
  const t = useTranslations("search");
  const te = useServerError();
  const [q, setQ] = useState(initialQuery);
  const [asked, setAsked] = useState(initialQuery);
  const [filters, setFilters] = useState<Filters>({ document: "", kind: "", theme: "", author: "" });
  const [offset, setOffset] = useState(0);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    (signal: AbortSignal) => {
      if (!asked.trim()) return setResult(null);
      setBusy(true);
      const one = (v: string) => (v ? [v] : []);
      fetchSearch(workspaceId, { q: asked, documentIds: one(filters.document), kinds: filters.kind ? [filters.kind] : [], themeIds: one(filters.theme), authorIds: one(filters.author), offset, limit: PAGE }, signal).then(
        (r) => {
          setResult(r);
          setError(null);
          setBusy(false);
        },
        (e: Error) => {
          if (signal.aborted) return;
          setError(e.message);
          setBusy(false);
        },
      );
    },
    [workspaceId, asked, filters, offset],
  );
  useEffect(() => {
    const c = new AbortController();
    run(c.signal);
    return () => c.abort();
  }, [run]);

  const setFilter = (key: keyof Filters, value: string) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setOffset(0);
  };
  const select = (key: keyof Filters, label: string, options: Choice[]) => (
    <label className={s.filter}>
      <span className="small muted">{label}</span>
      <select value={filters[key]} onChange={(e) => setFilter(key, e.target.value)} data-testid={`search-filter-${key}`}>
        <option value="">{t("any")}</option>
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    </label>
  );
  const groups = result ? groupByDocument(result) : [];
  const titleOf = (id: string) => result?.documents.find((d) => d.documentId === id)?.title ?? "";

  return (
    <div className={s.page} data-testid="search-page">
      <form
        role="search"
        className={s.queryRow}
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q);
          setOffset(0);
          const url = new URL(window.location.href);
          url.searchParams.set("q", q);
          window.history.replaceState(null, "", url);
        }}
      >
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-label={t("label")} maxLength={1000} className={s.queryInput} data-testid="search-query" />
        <button type="submit" className="btn primary">{t("submit")}</button>
      </form>
      <div className={s.filters}>
        {select("document", t("filter.document"), documents.map((d) => ({ id: d.id, name: d.title })))}
        {select("kind", t("filter.kind"), SEARCH_KINDS.map((k) => ({ id: k, name: t(`kind.${k}`) })))}
        {select("theme", t("filter.theme"), themes)}
        {select("author", t("filter.author"), authors)}
      </div>
      <p className="small muted" role="status" aria-live="polite" data-testid="search-summary">
        {busy ? t("searching") : result?.notice ? t(`notice.${result.notice}`) : result ? t(result.totalCapped ? "totalCapped" : "total", { count: result.total, documents: result.documents.length }) : documents.length === 0 ? t("noDocuments") : t("hint")}
      </p>
      {error && <p className="alert error small" role="alert">{te(error)}</p>}
      {result && result.documents.length > 1 && (
        <p className={`${s.docCounts} small`}>
          {result.documents.map((d) => <span key={d.documentId}>{d.title} <b>{d.count}</b></span>)}
        </p>
      )}
      {groups.map(([docId, hits]) => (
        <section key={docId} className={s.group} data-testid="search-group">
          <h2 className={s.groupTitle}>{titleOf(docId)}</h2>
          <ol className={s.hits}>
            {hits.map((h, i) => <SearchHitRow key={`${h.kind}-${h.start}-${i}`} hit={h} slug={slug} query={asked} compareQuery={compareQuery} />)}
          </ol>
        </section>
      ))}
      {result && (result.offset > 0 || result.nextOffset !== null) && (
        <nav className={s.pager} aria-label={t("pages")}>
          <button type="button" className="btn small" disabled={result.offset === 0} onClick={() => setOffset(Math.max(0, result.offset - PAGE))}>{t("previousPage")}</button>
          <span className="small muted">{t("range", { from: result.offset + 1, to: result.offset + result.hits.length })}</span>
          <button type="button" className="btn small" disabled={result.nextOffset === null} onClick={() => setOffset(result.nextOffset ?? 0)} data-testid="search-next-page">{t("nextPage")}</button>
        </nav>
      )}
    </div>
  );
}

/** Hits of one page by document, documents in result order. */
function groupByDocument(result: SearchResult): [string, SearchResult["hits"]][] {
  const map = new Map<string, SearchResult["hits"]>();
  for (const h of result.hits) map.set(h.documentId, [...(map.get(h.documentId) ?? []), h]);
  return [...map];
}
