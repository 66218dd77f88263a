/**
 * The small, whole-workspace inputs of an export: the workspace, its live documents, its themes,
 * its argument-map nodes (read from the workspace Y.Doc, state plus log: nodes are not projected),
 * and per-version citation contexts built on demand and cached for the run. Loading the sources
 * first brings the projection up to date with the collab append log, so the excerpts an export
 * then queries include the last seconds of changes.
 */
import { mapNodeEntrySchema, metaDocName } from "../../core/collab";
import { versionContext, type DocumentInfo, type VersionContext } from "../../core/export";
import { loadThemeTree } from "../themes/load-theme-tree";
import { nodesMap } from "../../collab/model/structure";
import { catchUpProjection, loadCurrentDoc } from "../../collab/server/persistence/project-current";
import { prisma } from "../../infra/db/client";

export interface ExportSources {
  workspace: { id: string; slug: string; name: string };
  /** Live documents in workspace order. */
  documents: (DocumentInfo & { subtitle: string | null })[];
  /** In tree order (see loadThemes): a grouped export lists each theme after its parent. */
  themes: ExportTheme[];
  /** Map nodes with the annotations they stand for or are linked to. */
  nodes: { id: string; label: string; annotationIds: string[] }[];
}

export interface ExportTheme {
  id: string;
  name: string;
  colour: string;
  description: string | null;
  /** The parent in the hierarchy (null at the top). */
  parentId: string | null;
  /** 0 at the top, 1 for a child, …: for indenting a listing. */
  depth: number;
}

/**
 * The workspace's themes in the order the theme views and /api/v1 list them: depth first, each
 * theme after its parent, siblings by position, then name, then id — buildThemeTree over the
 * Theme projection, as apiThemesOp does. The export page's choices, the export CLI and the
 * theme groups of an export all take this order.
 */
export async function loadThemes(workspaceId: string): Promise<ExportTheme[]> {
  const tree = await loadThemeTree(workspaceId);
  return tree.map(({ theme: t, depth, parentId }) => ({ id: t.id, name: t.name, colour: t.colour, description: t.description || null, parentId: parentId ?? null, depth }));
}

export async function loadSources(workspaceId: string): Promise<ExportSources> {
  await catchUpProjection(workspaceId);
  const workspace = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { id: true, slug: true, name: true } });
  const docs = await prisma.document.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { title: "asc" }],
    select: { id: true, title: true, authors: true, publishedOn: true },
  });
  return {
    workspace,
    documents: docs.map((d) => ({ ...d, subtitle: [d.authors, d.publishedOn].filter(Boolean).join(", ") || null })),
    themes: await loadThemes(workspaceId),
    nodes: await loadMapNodes(workspaceId),
  };
}

/** Nodes of the stored argument map; each groups its own annotation and those linked to it. */
async function loadMapNodes(workspaceId: string): Promise<ExportSources["nodes"]> {
  const doc = await loadCurrentDoc(metaDocName(workspaceId));
  try {
    const nodes: ExportSources["nodes"] = [];
    for (const value of nodesMap(doc).values()) {
      const parsed = mapNodeEntrySchema.safeParse(value);
      if (!parsed.success || parsed.data.deleted) continue;
      const n = parsed.data;
      nodes.push({ id: n.id, label: n.label ?? "", annotationIds: n.annotationId ? [n.annotationId] : [] });
    }
    if (nodes.length === 0) return [];
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links = await prisma.link.findMany({
      where: { workspaceId, OR: [{ fromKind: "node", toKind: "annotation" }, { fromKind: "annotation", toKind: "node" }] },
      select: { fromKind: true, fromId: true, toId: true },
    });
    for (const l of links) {
      const [nodeId, annotationId] = l.fromKind === "node" ? [l.fromId, l.toId] : [l.toId, l.fromId];
      byId.get(nodeId)?.annotationIds.push(annotationId);
    }
    // A node standing for an annotation is titled by its quote when it has no label of its own.
    const quoteIds = nodes.filter((n) => !n.label && n.annotationIds[0]).map((n) => n.annotationIds[0]!);
    if (quoteIds.length) {
      const quotes = new Map((await prisma.annotation.findMany({ where: { workspaceId, id: { in: quoteIds } }, select: { id: true, exact: true } })).map((a) => [a.id, a.exact]));
      for (const n of nodes) if (!n.label) n.label = shorten(quotes.get(n.annotationIds[0] ?? "") ?? n.id, 80);
    }
    return nodes.sort((a, b) => a.label.localeCompare(b.label, "ja") || a.id.localeCompare(b.id));
  } finally {
    doc.destroy();
  }
}

export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Citation contexts per version, loaded once per export run. */
export function versionCache(): (versionId: string) => Promise<VersionContext> {
  const cache = new Map<string, Promise<VersionContext>>();
  return (versionId) => {
    let entry = cache.get(versionId);
    if (!entry) {
      entry = prisma.documentVersion
        .findUniqueOrThrow({ where: { id: versionId }, select: { text: true, blocks: true } })
        .then((v) => versionContext(v.text, v.blocks));
      cache.set(versionId, entry);
    }
    return entry;
  };
}
