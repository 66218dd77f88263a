"use client";

/**
 * "Link to…": a searchable list of the workspace's annotations (and map nodes, when given),
 * a relation and an optional note. It does not write: `onCreate` does (usually
 * `createLink` of lib/collab/model), and a rejected promise's `message` (an error key such as
 * `link_duplicate`) is shown under the form.
 *
 * The list is `candidates` (what the caller holds live) followed by what `search` finds (the
 * server's projection of the whole workspace), deduplicated by id: the live copy wins because
 * the projection lags behind edits. ↑/↓ in the search box move through the list, Enter picks.
 */
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { cutText, matchesQuery } from "@/lib/core/argument/annotation-search";
import { RELATION_COLOURS, RELATIONS, type Relation } from "@/lib/core/argument/relations";
import styles from "./links.module.css";

export interface PickerCandidate {
  id: string;
  kind: "annotation" | "node" | "text";
  /** A passage of text with no annotation yet (kind "text", #13): its range in the current version. */
  range?: { start: number; end: number };
  /** The annotation's document (absent for map nodes). */
  documentId?: string;
  /** Shown as the badge: the document title, or "Claim"/"Question". */
  documentTitle: string;
  text: string;
  /** Who wrote the annotation, when known: tells equal quotes apart. */
  authorName?: string;
}

/** Finds candidates beyond the local ones; `signal` aborts when the query changed meanwhile. */
export type PickerSearch = (query: string, signal: AbortSignal) => Promise<readonly PickerCandidate[]>;

export interface LinkPickerProps {
  candidates: readonly PickerCandidate[];
  /** A further, asynchronous source (the workspace-wide search), asked after typing pauses. */
  search?: PickerSearch;
  /** The link's source: left out of the list (no self-links). */
  excludeId?: string;
  initialRelation?: Relation;
  onCreate: (input: { to: PickerCandidate; relation: Relation; note: string }) => void | Promise<void>;
  onCancel?: () => void;
  /** At most this many results are listed (the search narrows further). */
  limit?: number;
}

const KNOWN_ERRORS = ["link_to_itself", "link_duplicate", "link_endpoint_missing"] as const;
/** Long enough to skip the keystrokes of one word, short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 200;

const matches = (c: PickerCandidate, query: string) => matchesQuery(query, [c.text, c.documentTitle]);

export function LinkPicker({ candidates, search, excludeId, initialRelation = "supports", onCreate, onCancel, limit = 50 }: LinkPickerProps) {
  const t = useTranslations("argument");
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<PickerCandidate | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [relation, setRelation] = useState<Relation>(initialRelation);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [remote, setRemote] = useState<{ query: string; items: readonly PickerCandidate[] } | null>(null);
  /** The query whose search failed: the error line is about the current query only. */
  const [failed, setFailed] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);

  const q = query.trim();
  // The caller rebuilds `search` on every render; only a new query may start a request.
  const runSearch = useEffectEvent((text: string, signal: AbortSignal) => search!(text, signal));
  const searchable = !!search;
  useEffect(() => {
    if (!searchable) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      runSearch(q, controller.signal).then(
        (items) => {
          if (controller.signal.aborted) return;
          setRemote({ query: q, items });
          setFailed(null);
        },
        () => {
          // A stale request's abort is not a failure: the newer query's request is under way.
          if (!controller.signal.aborted) setFailed(q);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, searchable]);

  const results = useMemo(() => {
    const local = candidates.filter((c) => c.id !== excludeId && matches(c, q));
    // With a server search, the open panes' passages take at most half the list, so passages of
    // other papers still show when the open ones alone would fill it (an empty query, say).
    const out = search ? local.slice(0, Math.ceil(limit / 2)) : local;
    const seen = new Set(out.map((c) => c.id));
    // An earlier query's server results stay, narrowed here, until this query's arrive: typing
    // on does not empty the list between requests.
    for (const c of remote?.items ?? []) {
      if (c.id === excludeId || seen.has(c.id) || (remote!.query !== q && !matches(c, q))) continue;
      seen.add(c.id);
      out.push(c);
    }
    return out.slice(0, limit);
  }, [candidates, search, remote, excludeId, q, limit]);

  const searchFailed = failed === q;
  // Waiting for this query's server results (typing pause or request): derived, never stuck.
  const searching = searchable && !searchFailed && remote?.query !== q;
  const activeIndex = results.findIndex((c) => c.id === activeId);
  useEffect(() => {
    list.current?.querySelector("[data-active=true]")?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  function onSearchKey(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (results.length === 0) return;
      const next = e.key === "ArrowDown" ? Math.min(results.length - 1, activeIndex + 1) : Math.max(0, activeIndex - 1);
      setActiveId(results[next]!.id);
    } else if (e.key === "Enter") {
      // Enter picks; it never creates the link, which wants a relation chosen with intent.
      e.preventDefault();
      const target = results[activeIndex] ?? (results.length === 1 ? results[0] : undefined);
      if (target) setChosen(target);
    } else if (e.key === "Escape" && !query && onCancel) {
      e.preventDefault();
      onCancel();
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate({ to: chosen, relation, note });
      setChosen(null);
      setNote("");
    } catch (err) {
      const key = err instanceof Error ? err.message : "";
      setError((KNOWN_ERRORS as readonly string[]).includes(key) ? key : "generic");
    } finally {
      setBusy(false);
    }
  }

  const listId = `${id}-list`;
  const optionId = (n: number) => `${id}-opt-${n}`;
  return (
    <form className={styles.picker} onSubmit={submit} data-testid="link-picker" aria-label={t("picker.title")}>
      <label htmlFor={`${id}-q`} className={styles.label}>
        {t("picker.search")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-keys`}
        value={query}
        maxLength={200}
        placeholder={t("picker.placeholder")}
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveId(null);
        }}
        onKeyDown={onSearchKey}
        data-testid="link-picker-search"
        autoComplete="off"
      />
      <p id={`${id}-keys`} className={styles.hint}>
        {t("picker.keys")}
      </p>
      <ul ref={list} id={listId} className={styles.results} role="listbox" aria-label={t("picker.search")} aria-busy={searching}>
        {results.length === 0 && <li className={styles.none}>{searching ? t("picker.searching") : t("picker.noResults")}</li>}
        {results.map((c, n) => (
          <li key={c.id} id={optionId(n)} role="option" aria-selected={c.id === chosen?.id} data-active={n === activeIndex}>
            <button
              type="button"
              tabIndex={-1}
              className={[c.id === chosen?.id ? styles.chosen : "", n === activeIndex ? styles.active : ""].filter(Boolean).join(" ") || undefined}
              onClick={() => {
                setChosen(c);
                setActiveId(c.id);
              }}
              data-testid="link-picker-option"
              data-annotation-id={c.id}
            >
              <span className={styles.doc} title={c.authorName ? `${c.documentTitle} · ${c.authorName}` : c.documentTitle}>
                {c.documentTitle}
                {c.authorName && <span className={styles.author}> · {c.authorName}</span>}
              </span>
              <span className={styles.quote}>{c.text}</span>
            </button>
          </li>
        ))}
      </ul>
      {searching && results.length > 0 && (
        <p className={styles.hint} role="status" data-testid="link-picker-searching">
          {t("picker.searching")}
        </p>
      )}
      {searchFailed && (
        <p className="alert error small" role="alert" data-testid="link-picker-search-error">
          {t("picker.searchFailed")}
        </p>
      )}
      {chosen && !results.some((c) => c.id === chosen.id) && (
        <p className={styles.hint} data-testid="link-picker-chosen">
          {t("picker.chosen", { quote: cutText(chosen.text, 40) })}
        </p>
      )}
      <label htmlFor={`${id}-rel`} className={styles.label}>
        {t("picker.relation")}
      </label>
      <select id={`${id}-rel`} value={relation} onChange={(e) => setRelation(e.target.value as Relation)} data-testid="link-picker-relation" style={{ borderLeft: `6px solid ${RELATION_COLOURS[relation]}` }}>
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {t(`relations.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className={styles.label}>
        {t("picker.note")}
      </label>
      <textarea id={`${id}-note`} value={note} rows={2} maxLength={1200} onChange={(e) => setNote(e.target.value)} data-testid="link-picker-note" />
      {error && (
        <p className="alert error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn primary" disabled={!chosen || busy} data-testid="link-picker-create">
          {t("picker.create")}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("picker.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
