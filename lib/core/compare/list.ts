/**
 * The sidebar's list of a pane's annotations: text order, filters by author, colour and
 * status. Pure and allocation-light: it runs on every change with thousands of entries.
 */
import type { AnnotationStatus } from "../collab/entries";
import { collate } from "../text/collate";

export interface ListItem {
  id: string;
  authorId: string;
  authorName: string;
  colour: string;
  status: AnnotationStatus;
  /** Where it is painted in this pane, or null for an orphan (listed last). */
  start: number | null;
  end: number | null;
  createdAt: string;
}

export interface ListFilter {
  authors: string[];
  colours: string[];
  status: AnnotationStatus | "all";
}

export const NO_FILTER: ListFilter = { authors: [], colours: [], status: "all" };

/** Text order (start, then longer first, then creation); orphans after everything placed. */
export function compareItems(a: ListItem, b: ListItem): number {
  if (a.start === null || b.start === null) return a.start === null ? (b.start === null ? collate(a.createdAt, b.createdAt) : 1) : -1;
  return a.start - b.start || (b.end ?? 0) - (a.end ?? 0) || collate(a.createdAt, b.createdAt) || collate(a.id, b.id);
}

export function filterItems<T extends ListItem>(items: readonly T[], filter: ListFilter): T[] {
  const authors = filter.authors.length ? new Set(filter.authors) : null;
  const colours = filter.colours.length ? new Set(filter.colours.map((c) => c.toLowerCase())) : null;
  return items.filter(
    (i) => (!authors || authors.has(i.authorId)) && (!colours || colours.has(i.colour.toLowerCase())) && (filter.status === "all" || i.status === filter.status),
  );
}

/** The authors present in `items`, by name, with their counts (for the author filter). */
export function authorsOf(items: readonly ListItem[]): { id: string; name: string; count: number }[] {
  const by = new Map<string, { id: string; name: string; count: number }>();
  for (const i of items) {
    const a = by.get(i.authorId);
    if (a) a.count++;
    else by.set(i.authorId, { id: i.authorId, name: i.authorName, count: 1 });
  }
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Index of the first item whose start is ≥ `offset` (binary search over a text-ordered list). */
export function firstAtOrAfter(items: readonly ListItem[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = items[mid]!.start;
    if (s !== null && s < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
