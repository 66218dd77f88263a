"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { countByTheme, matchesThemeFilter, resolvedThemeIds, themeFilterSet, themePaint, type ColourBy } from "@/lib/core/compare";
import type { WorkspaceThemes } from "@/lib/collab/client";
import type { PaintStyle, StoredAnnotation } from "@/lib/collab/client";
import type { PaneHandle } from "./pane-handle";
import s from "./compare.module.css";

/** Themes in the reader (#6): colour by theme, the theme filter (list and highlights), counts per theme. */
export interface ThemeLens {
  themes: WorkspaceThemes;
  colourBy: ColourBy;
  setColourBy(c: ColourBy): void;
  /** The chosen theme (its descendants are kept too), or null. */
  filter: string | null;
  setFilter(id: string | null): void;
  /** The live theme ids of an annotation, merges resolved. */
  themeIdsOf(a: StoredAnnotation): string[];
  /** Whether the theme filter keeps `a` (stable between changes: usable as a memo dependency). */
  keep: ((a: StoredAnnotation) => boolean) | null;
}

export function useThemeLens(panes: PaneHandle[], themes: WorkspaceThemes): ThemeLens {
  const [colourBy, setColourBy] = useState<ColourBy>("highlight");
  const [chosen, setFilter] = useState<string | null>(null);
  // A theme deleted (or merged away) meanwhile filters nothing.
  const filter = chosen !== null && themes.byId.get(chosen) && !themes.byId.get(chosen)!.deleted ? chosen : null;
  const themeIdsOf = useCallback((a: StoredAnnotation) => resolvedThemeIds(a.entry.themeIds, (id) => themes.resolve(id)?.id), [themes]);
  const filterSet = useMemo(() => themeFilterSet(themes.live, filter), [themes, filter]);
  const keep = useMemo(() => (filterSet ? (a: StoredAnnotation) => matchesThemeFilter(themeIdsOf(a), filterSet) : null), [filterSet, themeIdsOf]);
  const style = useMemo<PaintStyle | null>(() => {
    if (colourBy === "highlight" && !keep) return null;
    const order = new Map(themes.rows.map((r, i) => [r.theme.id, i]));
    const colourOf = (id: string) => themes.byId.get(id)?.colour;
    return (a) => {
      if (keep && !keep(a)) return null;
      return colourBy === "theme" ? themePaint(themeIdsOf(a), order, colourOf) : { colour: a.colour };
    };
  }, [colourBy, keep, themes, themeIdsOf]);
  // Painting lives outside React: each pane's store repaints its highlights in place.
  useEffect(() => {
    for (const p of panes) p.store?.setPaintStyle(style);
  }, [panes, style]);
  return { themes, colourBy, setColourBy, filter, setFilter, themeIdsOf, keep };
}

/** The toolbar's "colour by" switch. */
export function ColourBySwitch({ lens }: { lens: ThemeLens }) {
  const t = useTranslations("compare.lens");
  return (
    <label className={s.syncToggle}>
      {t("colourBy")}
      <select value={lens.colourBy} onChange={(e) => lens.setColourBy(e.target.value as ColourBy)} data-testid="colour-by">
        <option value="highlight">{t("byHighlight")}</option>
        <option value="theme">{t("byTheme")}</option>
      </select>
    </label>
  );
}

/** The sidebar's theme filter (in the filter row): a theme keeps its sub-themes' annotations too. */
export function ThemeFilterSelect({ lens }: { lens: ThemeLens }) {
  const t = useTranslations("compare.lens");
  if (lens.themes.rows.length === 0) return null;
  return (
    <label className={s.filterField}>
      <span className={s.srOnly}>{t("filter")}</span>
      <select value={lens.filter ?? ""} onChange={(e) => lens.setFilter(e.target.value || null)} data-testid="filter-theme">
        <option value="">{t("allThemes")}</option>
        {lens.themes.rows.map((r) => (
          <option key={r.theme.id} value={r.theme.id}>
            {"\u00a0\u00a0".repeat(r.depth)}
            {r.theme.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The active pane's annotations per theme (with sub-themes), each a button setting the filter. */
export function ThemeCounts({ lens, items }: { lens: ThemeLens; items: StoredAnnotation[] }) {
  const t = useTranslations("compare.lens");
  const { themes, themeIdsOf } = lens;
  const counts = useMemo(() => countByTheme(items.map(themeIdsOf), themes.live), [items, themeIdsOf, themes]);
  const rows = themes.rows.filter((r) => (counts.get(r.theme.id)?.total ?? 0) > 0);
  if (rows.length === 0) return null;
  return (
    <details className={s.themeCounts} open data-testid="theme-counts">
      <summary className="small">{t("counts")}</summary>
      <ul>
        {rows.map((r) => {
          const c = counts.get(r.theme.id)!;
          const on = lens.filter === r.theme.id;
          return (
            <li key={r.theme.id} style={{ paddingInlineStart: `${r.depth * 0.8}rem` }}>
              <button
                type="button"
                className={s.themeCountBtn}
                aria-pressed={on}
                title={t("filterBy", { name: r.theme.name })}
                onClick={() => lens.setFilter(on ? null : r.theme.id)}
                data-testid="theme-count"
                data-theme-name={r.theme.name}
                data-count={c.total}
              >
                <span className={s.themeSwatch} style={{ background: r.theme.colour }} aria-hidden="true" />
                <span className={s.themeCountName}>{r.theme.name}</span>
                <span className="muted">{c.total}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
