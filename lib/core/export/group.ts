/**
 * Grouping and ordering of excerpts, for callers that hold them in memory (previews, tests).
 * The server streams large exports group by group with the same rules (lib/server/export).
 */
import type { ExportOrder, GroupBy } from "./options";
import type { Excerpt, ExportGroup, ExportLabels } from "./types";

export interface GroupSources {
  documents: { id: string; title: string; subtitle: string | null }[];
  themes: { id: string; name: string; description: string | null }[];
  /** Map nodes with the annotations they stand for or are linked to. */
  nodes: { id: string; label: string; annotationIds: string[] }[];
}

/** Compares two excerpts in the chosen order; ties always fall back to the id, so output is stable. */
export function compareExcerpts(order: ExportOrder, documentRank: (id: string) => number): (a: Excerpt, b: Excerpt) => number {
  const byId = (a: Excerpt, b: Excerpt) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (order) {
    case "created":
      return (a, b) => a.createdAt.localeCompare(b.createdAt) || byId(a, b);
    case "author":
      return (a, b) => a.author.name.localeCompare(b.author.name, "ja") || a.createdAt.localeCompare(b.createdAt) || byId(a, b);
    case "position":
      return (a, b) => documentRank(a.documentId) - documentRank(b.documentId) || a.start - b.start || a.end - b.end || byId(a, b);
  }
}

/**
 * Groups excerpts. By theme or map node an excerpt appears under each of its themes/nodes;
 * excerpts without one are gathered last ("No theme", "Not on the argument map"). Empty groups
 * are left out.
 */
export function groupExcerpts(
  excerpts: Excerpt[],
  groupBy: GroupBy,
  order: ExportOrder,
  sources: GroupSources,
  labels: Pick<ExportLabels, "noTheme" | "notOnMap" | "all">,
): { group: ExportGroup; excerpts: Excerpt[] }[] {
  const rank = new Map(sources.documents.map((d, i) => [d.id, i]));
  const sorted = [...excerpts].sort(compareExcerpts(order, (id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER));
  const out: { group: ExportGroup; excerpts: Excerpt[] }[] = [];
  const push = (group: ExportGroup, list: Excerpt[]) => {
    if (list.length) out.push({ group, excerpts: list });
  };
  if (groupBy === "none") {
    push({ kind: "none", id: null, title: labels.all, subtitle: null }, sorted);
  } else if (groupBy === "document") {
    for (const d of sources.documents) push({ kind: "document", id: d.id, title: d.title, subtitle: d.subtitle }, sorted.filter((e) => e.documentId === d.id));
  } else if (groupBy === "theme") {
    for (const t of sources.themes) push({ kind: "theme", id: t.id, title: t.name, subtitle: t.description }, sorted.filter((e) => e.themes.some((x) => x.id === t.id)));
    const known = new Set(sources.themes.map((t) => t.id));
    push({ kind: "theme", id: null, title: labels.noTheme, subtitle: null }, sorted.filter((e) => !e.themes.some((x) => known.has(x.id))));
  } else {
    const placed = new Set<string>();
    for (const n of sources.nodes) {
      const members = new Set(n.annotationIds);
      const list = sorted.filter((e) => members.has(e.id));
      list.forEach((e) => placed.add(e.id));
      push({ kind: "node", id: n.id, title: n.label, subtitle: null }, list);
    }
    push({ kind: "node", id: null, title: labels.notOnMap, subtitle: null }, sorted.filter((e) => !placed.has(e.id)));
  }
  return out;
}
