/**
 * Themes in the reader (#6): which colour a highlight takes when the view colours by theme,
 * which annotations a theme filter keeps (the chosen theme and every theme below it), and how
 * many annotations of a pane each theme has. Merges are resolved by the caller's resolver
 * (`themeResolver` of lib/core/themes, as the chips use it); the hierarchy comes from
 * `buildThemeTree`/`subtreeIds`/`effectiveParents`.
 */
import { effectiveParents, subtreeIds, type ThemeNode } from "../themes/tree";

export type ColourBy = "highlight" | "theme";

/** Untagged passages when colouring by theme: a neutral grey, so tagged ones stand out. */
export const UNTAGGED_COLOUR = "#9aa0a6";

/** The live themes an annotation's stored ids stand for, de-duplicated, in the stored order. */
export function resolvedThemeIds(themeIds: readonly string[] | undefined, resolve: (id: string) => string | undefined): string[] {
  const out: string[] = [];
  for (const id of themeIds ?? []) {
    const r = resolve(id);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

/**
 * The paint of an annotation coloured by theme: the colour of its first theme in hierarchy
 * order (`order`: theme id → row index), plus the second theme's colour when it has several
 * (painted as an underline, so multi-theme passages show); untagged: grey.
 */
export function themePaint(resolvedIds: readonly string[], order: ReadonlyMap<string, number>, colourOf: (id: string) => string | undefined): { colour: string; second?: string } {
  const known = resolvedIds.filter((id) => order.has(id) && colourOf(id) !== undefined);
  if (known.length === 0) return { colour: UNTAGGED_COLOUR };
  const sorted = [...known].sort((a, b) => order.get(a)! - order.get(b)!);
  const colour = colourOf(sorted[0]!)!;
  return sorted.length > 1 ? { colour, second: colourOf(sorted[1]!)! } : { colour };
}

/** The theme ids a filter on `themeId` keeps: it and its descendants (null: no filter). */
export function themeFilterSet(themes: readonly ThemeNode[], themeId: string | null): Set<string> | null {
  if (themeId === null) return null;
  return subtreeIds(themes, themeId);
}

export function matchesThemeFilter(resolvedIds: readonly string[], filter: ReadonlySet<string> | null): boolean {
  if (!filter) return true;
  return resolvedIds.some((id) => filter.has(id));
}

export interface ThemeCount {
  /** Annotations tagged with the theme itself. */
  direct: number;
  /** Annotations tagged with it or any theme below it (each counted once): what the filter keeps. */
  total: number;
}

/** Per theme, the annotations (given by their resolved theme ids) tagged with it, directly and with descendants. */
export function countByTheme(annotations: Iterable<readonly string[]>, themes: readonly ThemeNode[]): Map<string, ThemeCount> {
  const parent = effectiveParents(themes);
  const out = new Map<string, ThemeCount>();
  const bump = (id: string, direct: boolean) => {
    let c = out.get(id);
    if (!c) out.set(id, (c = { direct: 0, total: 0 }));
    if (direct) c.direct++;
    else c.total++;
  };
  for (const ids of annotations) {
    const reached = new Set<string>();
    for (const id of ids) {
      if (!parent.has(id)) continue;
      bump(id, true);
      for (let cur: string | undefined = id; cur !== undefined && !reached.has(cur); cur = parent.get(cur)) reached.add(cur);
    }
    for (const id of reached) bump(id, false);
  }
  return out;
}

/**
 * A CSS Custom Highlight name part for a colour: stable (same colour, same name) and a valid
 * identifier part whatever the colour string is (`#D1495B` → `d1495b`, anything else hashed).
 */
export function colourKey(colour: string): string {
  const k = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{3,8}$/.test(k)) return k.slice(1);
  let h = 2166136261;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
  return `h${(h >>> 0).toString(36)}`;
}
