"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import type { PaneHandle } from "@/components/compare/pane-handle";
import { RangeBuilder } from "@/lib/collab/client/dom";
import { usePaneHits, type PaneHit } from "./use-pane-hits";
import s from "./search.module.css";

const ALL = "search-hits";
const CURRENT = "search-current";
// Over the annotation layers (priorities up to 20): a hit inside a highlight still shows.
const STYLE = `::highlight(${ALL}) { background-color: rgb(255 170 0 / 0.38); text-decoration: underline 2px dotted rgb(200 110 0); }
::highlight(${CURRENT}) { background-color: rgb(255 120 0 / 0.75); color: #000; }`;

/**
 * The compare view's search marks (`&q=` in its URL, set by opening a search result): every hit
 * of the query in each open pane is painted in its own highlight layer, distinct from the
 * annotations', and a bar steps through them (buttons, Enter / Shift+Enter in the bar, F3 /
 * Shift+F3 anywhere), scrolling the pane to the current hit.
 *
 * Ctrl/⌘-F in a pane opens the same bar as a find box scoped to that pane: the browser's own
 * find cannot see the rows of a long text that are not rendered (docs/long-documents.md), the
 * workspace search sees the whole text, and its marks paint as their rows render.
 */
export function SearchMarks({ workspaceId, panes }: { workspaceId: string; panes: readonly PaneHandle[] }) {
  const t = useTranslations("search.marks");
  // Read once: the view rewrites its URL (without `q`) as the panes scroll.
  const params = useSearchParams();
  const [q, setQ] = useState(() => params.get("q") ?? "");
  // Find mode: the pane (document id) the find box searches, and what is typed before it is run.
  const [scope, setScope] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const scoped = useMemo(() => (scope ? panes.filter((p) => p.data.document.id === scope) : panes), [panes, scope]);
  const hits = usePaneHits(workspaceId, q, scoped);
  const [current, setCurrent] = useState(-1);
  const started = useRef(false);

  // Hits in a long text's unrendered rows are marked as those rows render.
  const [rendered, setRendered] = useState(0);
  useEffect(() => {
    const offs = panes.map((p) => p.painter?.subscribe(() => setRendered((n) => n + 1)) ?? (() => {}));
    return () => offs.forEach((off) => off());
  }, [panes]);
  const ranges = useMemo(() => {
    void rendered;
    const builders = new Map(panes.map((p) => [p.data.document.id, p.painter?.builder ?? new RangeBuilder(p.article)]));
    return hits.map((h) => builders.get(h.documentId)?.ranges(h.start, h.end) ?? []);
  }, [hits, panes, rendered]);

  useEffect(() => {
    if (typeof CSS === "undefined" || !("highlights" in CSS) || !q) return;
    const style = document.createElement("style");
    style.textContent = STYLE;
    document.head.append(style);
    const all = new Highlight(...ranges.flat());
    all.priority = 30;
    const cur = new Highlight(...(ranges[current] ?? []));
    cur.priority = 31;
    CSS.highlights.set(ALL, all);
    CSS.highlights.set(CURRENT, cur);
    return () => {
      CSS.highlights.delete(ALL);
      CSS.highlights.delete(CURRENT);
      style.remove();
    };
  }, [ranges, current, q]);

  const go = (to: number) => {
    if (!hits.length) return;
    const i = ((to % hits.length) + hits.length) % hits.length;
    setCurrent(i);
    const h = hits[i]!;
    panes.find((p) => p.data.document.id === h.documentId)?.scrollTo(h.start, "center");
  };
  const step = (dir: 1 | -1) => go(current < 0 ? firstShown(hits, panes, dir) : current + dir);

  // The result that opened the view is at the top of its pane: it becomes the current hit.
  useEffect(() => {
    if (started.current || !hits.length) return;
    started.current = true;
    const first = firstShown(hits, panes, 1);
    // The find box's first hit is shown at once; a search result is already at the top of its pane.
    // Hits come from the server: the first one is shown when they arrive.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (scope) go(first);
    else setCurrent(first);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits, panes]);

  useEffect(() => {
    const onFind = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "f" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const within = (n: Node | null | undefined) => (n?.nodeType === Node.ELEMENT_NODE ? (n as Element) : n?.parentElement)?.closest<HTMLElement>("[data-testid=compare-pane]");
      const pane = within(document.activeElement) ?? within(window.getSelection()?.anchorNode) ?? document.querySelector<HTMLElement>('[data-testid=compare-pane][data-active="true"]');
      const id = pane?.dataset.document;
      if (!id || !panes.some((p) => p.data.document.id === id)) return;
      e.preventDefault();
      setScope(id);
      setDraft(window.getSelection()?.toString().trim().slice(0, 100) || draft);
      requestAnimationFrame(() => input.current?.select());
    };
    document.addEventListener("keydown", onFind);
    return () => document.removeEventListener("keydown", onFind);
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "F3" || !q) return;
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  const title = scope ? panes.find((p) => p.data.document.id === scope)?.data.document.title ?? "" : "";
  const close = () => {
    setQ("");
    setScope(null);
  };
  if (!q && !scope) return null;
  return (
    <div
      className={`${s.marksBar} small`}
      role="toolbar"
      aria-label={t("label", { q })}
      data-testid="search-marks"
      data-scope={scope ?? undefined}
      onKeyDown={(e) => {
        if (e.key === "Escape" && scope) return close();
        if (e.key !== "Enter") return;
        e.preventDefault();
        // A new query in the find box runs it; the same one steps to the next hit.
        if (scope && draft.trim() !== q) {
          started.current = false;
          setCurrent(-1);
          setQ(draft.trim());
          return;
        }
        step(e.shiftKey ? -1 : 1);
      }}
    >
      {scope ? (
        <input
          ref={input}
          type="search"
          className={s.findInput}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t("findPlaceholder")}
          aria-label={t("find", { title })}
          title={t("find", { title })}
          maxLength={200}
          data-testid="pane-find-input"
        />
      ) : (
        <span>{t("label", { q })}</span>
      )}
      {q && <span data-testid="search-marks-count">{hits.length ? t("count", { current: current + 1, total: hits.length }) : scope ? t("noneHere") : t("none")}</span>}
      <button type="button" className="btn small" onClick={() => step(-1)} disabled={!hits.length} title={t("previous")} aria-label={t("previous")} data-testid="search-marks-prev">↑</button>
      <button type="button" className="btn small" onClick={() => step(1)} disabled={!hits.length} title={t("next")} aria-label={t("next")} data-testid="search-marks-next">↓</button>
      <button type="button" className="btn small" onClick={close} aria-label={t("clear")} title={t("clear")} data-testid="search-marks-close">×</button>
    </div>
  );
}

/** The first hit at or after the top of a pane scrolled away from the start (the one a result opened), else the first or last. */
function firstShown(hits: readonly PaneHit[], panes: readonly PaneHandle[], dir: 1 | -1): number {
  for (let p = panes.length - 1; p >= 0; p--) {
    const pane = panes[p]!;
    const top = pane.topOffset();
    if (top <= 0) continue;
    const i = hits.findIndex((h) => h.documentId === pane.data.document.id && h.end > top);
    if (i >= 0) return i;
  }
  return dir === 1 ? 0 : hits.length - 1;
}
