/**
 * Streams the excerpts of an export from the projection, group by group, in batches: memory
 * holds one batch (plus the small per-workspace sources), whatever the number of excerpts.
 */
import { dateRange, isFlatFormat, buildExcerpt, type AnnotationRow, type Excerpt, type ExportGroup, type ExportLabels, type ExportOptions, type ExcerptLink, type ExcerptReply, type ExcerptTheme } from "../../core/export";
import type { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";
import { currentPlaces } from "../anchors/cite-current";
import { shorten, versionCache, type ExportSources } from "./load-sources";

export const BATCH_SIZE = 500;

export type ExportEvent = { type: "group"; group: ExportGroup } | { type: "excerpt"; excerpt: Excerpt };

interface GroupPlan {
  group: ExportGroup;
  where: Prisma.AnnotationWhereInput;
}

const ORDER_BY: Record<ExportOptions["order"], Prisma.AnnotationOrderByWithRelationInput[]> = {
  // Documents in the workspace's order (as listed), then the position in the text.
  position: [{ document: { createdAt: "asc" } }, { documentId: "asc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }],
  created: [{ createdAt: "asc" }, { id: "asc" }],
  author: [{ authorName: "asc" }, { createdAt: "asc" }, { id: "asc" }],
};

/** The filters as a Prisma condition (all but `linked`, which is checked per batch). */
export function baseWhere(workspaceId: string, options: ExportOptions): Prisma.AnnotationWhereInput {
  const f = options.filters;
  const range = dateRange(f);
  return {
    workspaceId,
    document: { deletedAt: null },
    ...(f.documentIds ? { documentId: { in: f.documentIds } } : {}),
    ...(f.themeIds ? { themes: { some: { themeId: { in: f.themeIds } } } } : {}),
    ...(f.authorIds ? { authorId: { in: f.authorIds } } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(range.gte || range.lte ? { createdAt: range } : {}),
  };
}

function plan(options: ExportOptions, sources: ExportSources, labels: ExportLabels): GroupPlan[] {
  const base = baseWhere(sources.workspace.id, options);
  const groupBy = isFlatFormat(options.format) ? "none" : options.groupBy;
  const f = options.filters;
  if (groupBy === "none") return [{ group: { kind: "none", id: null, title: labels.all, subtitle: null }, where: base }];
  if (groupBy === "document") {
    return sources.documents
      .filter((d) => !f.documentIds || f.documentIds.includes(d.id))
      .map((d) => ({ group: { kind: "document", id: d.id, title: d.title, subtitle: d.subtitle }, where: { AND: [base, { documentId: d.id }] } }));
  }
  if (groupBy === "theme") {
    const themes = sources.themes.filter((t) => !f.themeIds || f.themeIds.includes(t.id));
    const plans: GroupPlan[] = themes.map((t) => ({ group: { kind: "theme", id: t.id, title: t.name, subtitle: t.description }, where: { AND: [base, { themes: { some: { themeId: t.id } } }] } }));
    if (!f.themeIds) plans.push({ group: { kind: "theme", id: null, title: labels.noTheme, subtitle: null }, where: { AND: [base, { themes: { none: { themeId: { in: sources.themes.map((t) => t.id) } } } }] } });
    return plans;
  }
  const plans: GroupPlan[] = sources.nodes.map((n) => ({ group: { kind: "node", id: n.id, title: n.label, subtitle: null }, where: { AND: [base, { id: { in: n.annotationIds } }] } }));
  plans.push({ group: { kind: "node", id: null, title: labels.notOnMap, subtitle: null }, where: { AND: [base, { id: { notIn: sources.nodes.flatMap((n) => n.annotationIds) } }] } });
  return plans;
}

/** Ids of annotations that are an end of some link (for the linked / unlinked filter). */
async function linkedIds(workspaceId: string): Promise<Set<string>> {
  const links = await prisma.link.findMany({ where: { workspaceId }, select: { fromKind: true, fromId: true, toKind: true, toId: true } });
  const ids = new Set<string>();
  for (const l of links) {
    if (l.fromKind === "annotation") ids.add(l.fromId);
    if (l.toKind === "annotation") ids.add(l.toId);
  }
  return ids;
}

const ROW_SELECT = {
  id: true, documentId: true, versionId: true, start: true, end: true, exact: true, prefix: true, suffix: true,
  authorId: true, authorName: true, colour: true, status: true, noteText: true, createdAt: true, updatedAt: true,
} as const;

/**
 * Yields group headings (only for groups that have excerpts) and excerpts, in order.
 * `limit` stops after that many excerpts (previews).
 */
export async function* exportEvents(options: ExportOptions, sources: ExportSources, labels: ExportLabels, baseUrl: string, limit = Infinity): AsyncGenerator<ExportEvent> {
  const workspaceId = sources.workspace.id;
  const linked = options.filters.linked ? await linkedIds(workspaceId) : null;
  const version = versionCache();
  const current = currentPlaces(workspaceId);
  const docs = new Map(sources.documents.map((d) => [d.id, d]));
  const themes = new Map(sources.themes.map((t) => [t.id, t]));
  const where = { baseUrl, workspaceSlug: sources.workspace.slug };
  let emitted = 0;
  for (const p of plan(options, sources, labels)) {
    // One sorted pass over the ids (a few MB at 50,000), then the rows batch by batch: a cursor
    // query per batch would sort the whole workspace again each time.
    const ordered = await prisma.annotation.findMany({ where: p.where, orderBy: ORDER_BY[options.order], select: { id: true } });
    let headed = false;
    for (let at = 0; at < ordered.length; at += BATCH_SIZE) {
      const ids = ordered.slice(at, at + BATCH_SIZE).map((r) => r.id);
      const fetched: AnnotationRow[] = await prisma.annotation.findMany({ where: { workspaceId, id: { in: ids } }, select: ROW_SELECT });
      const byId = new Map(fetched.map((r) => [r.id, r]));
      // Cited where they read now: annotations of an older version at their place in the latest one.
      const rows = await current(ids.map((id) => byId.get(id)).filter((r): r is AnnotationRow => r !== undefined));
      const kept = linked ? rows.filter((r) => linked.has(r.id) === (options.filters.linked === "linked")) : rows;
      const extras = await enrich(workspaceId, kept.map((r) => r.id), options, themes, sources);
      for (const row of kept) {
        const doc = docs.get(row.documentId);
        if (!doc) continue;
        if (!headed) {
          yield { type: "group", group: p.group };
          headed = true;
        }
        const e = buildExcerpt(options.include.notes ? row : { ...row, noteText: "" }, doc, await version(row.versionId), where, {
          themes: extras.themes.get(row.id) ?? [],
          replies: extras.replies.get(row.id) ?? [],
          links: extras.links.get(row.id) ?? [],
        });
        yield { type: "excerpt", excerpt: e };
        if (++emitted >= limit) return;
      }
    }
  }
}

interface Extras {
  themes: Map<string, ExcerptTheme[]>;
  replies: Map<string, ExcerptReply[]>;
  links: Map<string, ExcerptLink[]>;
}

const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** Themes, replies and links of one batch, in three queries. */
async function enrich(workspaceId: string, ids: string[], options: ExportOptions, themes: Map<string, ExcerptTheme & { description: string | null }>, sources: ExportSources): Promise<Extras> {
  const out: Extras = { themes: new Map(), replies: new Map(), links: new Map() };
  if (ids.length === 0) return out;
  const tags = await prisma.annotationTheme.findMany({ where: { workspaceId, annotationId: { in: ids } }, select: { annotationId: true, themeId: true } });
  for (const t of tags) {
    const theme = themes.get(t.themeId);
    if (theme) push(out.themes, t.annotationId, { id: theme.id, name: theme.name, colour: theme.colour });
  }
  for (const list of out.themes.values()) list.sort((a, b) => a.name.localeCompare(b.name, "ja"));
  if (options.include.replies) {
    const replies = await prisma.reply.findMany({ where: { workspaceId, annotationId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, annotationId: true, authorName: true, body: true, createdAt: true } });
    for (const r of replies) push(out.replies, r.annotationId, { id: r.id, authorName: r.authorName, body: r.body, createdAt: r.createdAt.toISOString() });
  }
  if (options.include.links) {
    const links = await prisma.link.findMany({
      where: { workspaceId, OR: [{ fromKind: "annotation", fromId: { in: ids } }, { toKind: "annotation", toId: { in: ids } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const otherIds = [...new Set(links.flatMap((l) => [l.fromKind === "annotation" ? l.fromId : null, l.toKind === "annotation" ? l.toId : null]).filter((x): x is string => !!x))];
    const quotes = new Map((await prisma.annotation.findMany({ where: { workspaceId, id: { in: otherIds } }, select: { id: true, exact: true } })).map((a) => [a.id, shorten(a.exact, 80)]));
    const nodeLabels = new Map(sources.nodes.map((n) => [n.id, n.label]));
    const textOf = (kind: string, id: string) => (kind === "node" ? (nodeLabels.get(id) ?? null) : (quotes.get(id) ?? null));
    const inBatch = new Set(ids);
    for (const l of links) {
      const base = { id: l.id, kind: l.kind, label: l.label };
      if (l.fromKind === "annotation" && inBatch.has(l.fromId))
        push(out.links, l.fromId, { ...base, direction: "out", otherId: l.toId, otherKind: l.toKind === "node" ? "node" : "annotation", otherText: textOf(l.toKind, l.toId) });
      if (l.toKind === "annotation" && inBatch.has(l.toId))
        push(out.links, l.toId, { ...base, direction: "in", otherId: l.fromId, otherKind: l.fromKind === "node" ? "node" : "annotation", otherText: textOf(l.fromKind, l.fromId) });
    }
  }
  return out;
}
