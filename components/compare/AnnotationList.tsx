"use client";

import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { authorsOf, filterItems, HIGHLIGHT_COLOURS, NO_FILTER, type ListFilter } from "@/lib/core/compare";
import type { StoredAnnotation } from "@/lib/collab/client";
import type { ListPreviews } from "@/lib/collab/client/react";
import s from "./compare.module.css";

const ROW = 64;
const OVERSCAN = 6;

interface Props {
  items: StoredAnnotation[];
  versionNumbers: Record<string, number>;
  focusedId: string | null;
  onOpen(id: string): void;
  /** A further filter kept outside the list (the view's theme filter, which also hides highlights). */
  keep?: ((a: StoredAnnotation) => boolean) | null;
  /** Its control, shown in the filter row. */
  filterSlot?: ReactNode;
  /** Checkboxes for tagging several at once; absent for those who may not tag. */
  select?: ListSelect;
  /** Each row's note (first line) and reply count. */
  previews?: ListPreviews;
}

/** The multi-selection as one list needs it (the view holds it, for every pane). */
export interface ListSelect {
  isSelected(id: string): boolean;
  /** `order`: the ids as shown (filters applied), for a Shift range. */
  click(id: string, order: readonly string[], shift: boolean): void;
  set(ids: readonly string[], on: boolean): void;
  /** Whether all, some or none of `ids` are selected. */
  stateOf(ids: readonly string[]): "all" | "some" | "none";
}

/**
 * A pane's annotations in text order with filters (author, colour, status). The list is
 * windowed with fixed-height rows: thousands of annotations render a screenful of rows.
 */
export function AnnotationList({ items, versionNumbers, focusedId, onOpen, keep, filterSlot, select, previews }: Props) {
  const t = useTranslations("compare.sidebar");
  const tc = useTranslations("compare.colours");
  const tl = useTranslations("compare.selection");
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const authors = useMemo(() => authorsOf(items), [items]);
  const shown = useMemo(() => {
    const list = filterItems(items, filter);
    return keep ? list.filter(keep) : list;
  }, [items, filter, keep]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const filtered = filter !== NO_FILTER;
  // The list is windowed: ranges and "select all" work on the filtered data, not on the rows in the DOM.
  const shownIds = useMemo(() => shown.map((a) => a.id), [shown]);
  const box = useRef<HTMLDivElement | null>(null);
  // On mount, bring the annotation last read into view (its row is marked aria-current).
  useLayoutEffect(() => {
    const i = focusedId ? shown.findIndex((a) => a.id === focusedId) : -1;
    if (i >= 0 && box.current) box.current.scrollTop = Math.max(0, i * ROW - box.current.clientHeight / 3);
    // Only when the list opens, not on every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const toggleColour = (hex: string) =>
    setFilter((f) => ({ ...f, colours: f.colours.includes(hex) ? f.colours.filter((c) => c !== hex) : [...f.colours, hex] }));

  return (
    <div className={s.listWrap}>
      <fieldset className={s.filters} aria-label={t("filters")}>
        <label className={s.filterField}>
          <span className={s.srOnly}>{t("author")}</span>
          <select
            value={filter.authors[0] ?? ""}
            onChange={(e) => setFilter((f) => ({ ...f, authors: e.target.value ? [e.target.value] : [] }))}
            data-testid="filter-author"
          >
            <option value="">{t("allAuthors")}</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.count})
              </option>
            ))}
          </select>
        </label>
        <label className={s.filterField}>
          <span className={s.srOnly}>{t("status")}</span>
          <select value={filter.status} onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value as ListFilter["status"] }))} data-testid="filter-status">
            <option value="all">{t("statusAll")}</option>
            <option value="open">{t("statusOpen")}</option>
            <option value="resolved">{t("statusResolved")}</option>
          </select>
        </label>
        {filterSlot}
        <div className={s.colourFilter} role="group" aria-label={t("colour")}>
          {HIGHLIGHT_COLOURS.map((c) => (
            <button
              key={c.id}
              type="button"
              className={s.swatchSmall}
              style={{ background: c.hex }}
              aria-pressed={filter.colours.includes(c.hex)}
              aria-label={tc(c.id)}
              title={tc(c.id)}
              onClick={() => toggleColour(c.hex)}
              data-testid={`filter-colour-${c.id}`}
            />
          ))}
        </div>
        {filtered && (
          <button type="button" className="btn link small" onClick={() => setFilter(NO_FILTER)}>
            {t("clear")}
          </button>
        )}
      </fieldset>
      {items.length > 0 && (
        <div className={s.listHead}>
          {select && shown.length > 0 && <SelectAllShown ids={shownIds} select={select} />}
          <p className={`${s.count} muted small`} data-testid="annotation-count">
            {t("count", { shown: shown.length, total: items.length })}
          </p>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="muted small">{items.length === 0 ? t("none") : t("noneFiltered")}</p>
      ) : (
        <div
          className={s.list}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          ref={(el) => {
            box.current = el;
            if (el && el.clientHeight && el.clientHeight !== height) setHeight(el.clientHeight);
          }}
          data-testid="annotation-list"
        >
          <ul style={{ height: shown.length * ROW }} className={s.listInner}>
            {shown.slice(first, last).map((a, i) => (
              <li key={a.id} style={{ top: (first + i) * ROW, height: ROW }} className={select ? `${s.row} ${s.rowSelectable}` : s.row} data-selected={select?.isSelected(a.id) || undefined}>
                {select && (
                  <input
                    type="checkbox"
                    className={s.rowCheck}
                    checked={select.isSelected(a.id)}
                    // React fires a checkbox's change from its click, so the native event carries Shift.
                    onChange={(e) => select.click(a.id, shownIds, (e.nativeEvent as MouseEvent).shiftKey === true)}
                    aria-label={tl("selectOne", { quote: a.entry.anchor.exact.slice(0, 80) })}
                    title={tl("rangeHint")}
                    data-testid="annotation-select"
                    data-annotation={a.id}
                  />
                )}
                <button type="button" className={s.rowBtn} onClick={() => onOpen(a.id)} aria-current={a.id === focusedId} data-testid="annotation-row" data-annotation={a.id}>
                  <span className={s.rowColour} style={{ background: a.colour }} aria-hidden="true" />
                  <span className={s.rowBody}>
                    <span className={previews ? s.rowQuoteShort : s.rowQuote}>{a.entry.anchor.exact.slice(0, 80)}</span>
                    {previews?.notes.get(a.id) && <span className={s.rowNote} data-testid="row-note">{previews.notes.get(a.id)!.slice(0, 120)}</span>}
                    <span className={`${s.rowMeta} muted`}>
                      {a.authorName}
                      {(previews?.replies.get(a.id) ?? 0) > 0 && <> · <span data-testid="row-replies">{t("replyCount", { count: previews!.replies.get(a.id)! })}</span></>}
                      {a.status === "resolved" && <> · {t("statusResolved")}</>}
                      {a.placement.status === "orphan" && <> · <em>{t("orphan")}</em></>}
                      {a.placement.status === "searching" && <> · <em>{t("searching")}</em></>}
                      {a.placement.status === "moved" && <> · {versionNumbers[a.entry.anchor.versionId] === undefined ? t("movedNewer") : t("moved", { number: versionNumbers[a.entry.anchor.versionId]! })}</>}
                      {a.placement.status === "fuzzy" && (
                        <>
                          {" · "}
                          <span data-testid="row-fuzzy">
                            {versionNumbers[a.entry.anchor.versionId] === undefined ? t("fuzzyNewer") : t("fuzzy", { number: versionNumbers[a.entry.anchor.versionId]! })}
                          </span>
                        </>
                      )}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The header's checkbox: ticks every annotation the filters keep (ticked: all, mixed: some). */
function SelectAllShown({ ids, select }: { ids: readonly string[]; select: ListSelect }) {
  const t = useTranslations("compare.selection");
  const state = select.stateOf(ids);
  const all = state === "all";
  return (
    <label className={s.selectAll}>
      <input
        type="checkbox"
        checked={all}
        // Indeterminate exists only as a DOM property.
        ref={(el) => {
          if (el) el.indeterminate = state === "some";
        }}
        onChange={() => select.set(ids, !all)}
        data-testid="select-all-shown"
        data-state={state}
      />
      <span className={s.srOnly}>{t("selectAllShown", { count: ids.length })}</span>
      <span aria-hidden="true">{t("selectAll")}</span>
    </label>
  );
}
