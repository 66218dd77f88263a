/**
 * A workspace (or the export builder's selection of it) as a REFI-QDA project model plus the
 * files of its Sources/ folder. Reads the projection after catching it up with the collab log
 * (loadSources, as every export does) and the workspace Y.Doc for the map and merged themes.
 */
import { codePointIndex, type ExportOptions } from "../../../core/export";
import { guidOf, type QdaCode, type QdaDirection, type QdaGraph, type QdaLink, type QdaNote, type QdaProject, type QdaSelection, type QdaSource, type QdaUser, type QdaVertex } from "../../../core/interop/qdpx";
import { normaliseRelation } from "../../../core/argument";
import { prisma } from "../../../infra/db/client";
import { baseWhere } from "../../export/query-excerpts";
import { loadSources, shorten } from "../../export/load-sources";
import { loadWorkspaceMap } from "./load-map";

export interface BuiltProject {
  project: QdaProject;
  /** Path inside the zip (`Sources/…`) → UTF-8 text. */
  files: Map<string, string>;
  counts: { sources: number; selections: number; codings: number; notes: number; links: number; vertices: number; edges: number };
}

/** Synoptic's highlight colour and status, kept in the selection's Description. */
export const describeSelection = (colour: string, status: string) => `synoptic:colour=${colour};status=${status}`;
export function parseSelectionDescription(d: string | undefined): { colour?: string; status?: "open" | "resolved" } {
  const m = /^synoptic:colour=(#[0-9a-fA-F]{6});status=(open|resolved)$/.exec(d ?? "");
  return m ? { colour: m[1]!, status: m[2] as "open" | "resolved" } : {};
}

const VARIABLES = [
  ["authors", "Authors"],
  ["publishedOn", "Published"],
  ["sourceUrl", "Source URL"],
  ["language", "Language"],
] as const;

/** Shapes carry the node kind through the suites (see docs/qdpx.md). */
export const SHAPE_OF = { claim: "RoundedRectangle", question: "Oval", annotation: "Rectangle" } as const;

export async function buildProject(workspaceId: string, options: ExportOptions, now: Date): Promise<BuiltProject> {
  const sources = await loadSources(workspaceId);
  const liveThemes = new Set(sources.themes.map((t) => t.id));
  const map = await loadWorkspaceMap(workspaceId, liveThemes);
  const users = new Map<string, QdaUser>();
  const userGuid = (id: string, name: string) => {
    const guid = guidOf(id, "user");
    if (!users.has(id)) users.set(id, { guid, name });
    return guid;
  };

  // Codes: the live tree; merged themes resolve to their target (loadWorkspaceMap).
  const codeGuid = (id: string) => guidOf(id);
  const codeById = new Map<string, QdaCode>();
  const roots: QdaCode[] = [];
  for (const t of sources.themes) {
    const code: QdaCode = { guid: codeGuid(t.id), name: t.name, color: t.colour, ...(t.description ? { description: t.description } : {}), children: [] };
    codeById.set(t.id, code);
    const parent = t.parentId ? codeById.get(t.parentId) : undefined;
    (parent ? parent.children : roots).push(code);
  }

  const annotations = await prisma.annotation.findMany({
    where: baseWhere(workspaceId, options),
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: { id: true, documentId: true, versionId: true, start: true, end: true, exact: true, authorId: true, authorName: true, colour: true, status: true, noteText: true, createdAt: true, updatedAt: true },
  });
  const ids = annotations.map((a) => a.id);
  const tags = await prisma.annotationTheme.findMany({ where: { workspaceId, annotationId: { in: ids } }, select: { annotationId: true, themeId: true } });
  const tagsOf = new Map<string, Set<string>>();
  for (const t of tags) {
    const live = map.resolveTheme(t.themeId);
    if (!live) continue;
    const set = tagsOf.get(t.annotationId) ?? new Set<string>();
    set.add(live);
    tagsOf.set(t.annotationId, set);
  }
  const replies = await prisma.reply.findMany({ where: { workspaceId, annotationId: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, annotationId: true, authorId: true, authorName: true, body: true, createdAt: true } });
  const repliesOf = new Map<string, typeof replies>();
  for (const r of replies) repliesOf.set(r.annotationId, [...(repliesOf.get(r.annotationId) ?? []), r]);

  // One TextSource per document version that the selection uses, the latest always.
  const docs = sources.documents.filter((d) => !options.filters.documentIds || options.filters.documentIds.includes(d.id));
  const latest = await prisma.documentVersion.findMany({ where: { documentId: { in: docs.map((d) => d.id) } }, orderBy: { number: "desc" }, distinct: ["documentId"], select: { id: true } });
  const versionIds = new Set([...latest.map((v) => v.id), ...annotations.map((a) => a.versionId)]);
  const versions = await prisma.documentVersion.findMany({
    where: { id: { in: [...versionIds] } },
    orderBy: [{ documentId: "asc" }, { number: "asc" }],
    select: { id: true, documentId: true, number: true, text: true, createdAt: true, document: { select: { title: true, authors: true, publishedOn: true, sourceUrl: true, language: true, createdById: true, createdAt: true } } },
  });
  const latestIds = new Set(latest.map((v) => v.id));
  const docOrder = new Map(docs.map((d, i) => [d.id, i]));
  versions.sort((a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || a.number - b.number);

  const notes: QdaNote[] = [];
  const files = new Map<string, string>();
  const selectionGuid = (id: string) => guidOf(id);
  const exported = new Set(ids);
  const variables = VARIABLES.map(([key, name]) => ({ key, guid: guidOf(`variable:${key}`, workspaceId), name }));
  let codings = 0;
  const qdaSources: QdaSource[] = versions.map((v) => {
    const guid = guidOf(v.id);
    const path = `${guid}.txt`;
    files.set(`Sources/${path}`, v.text);
    const cp = codePointIndex(v.text);
    const selections: QdaSelection[] = annotations
      .filter((a) => a.versionId === v.id)
      .map((a) => {
        const author = userGuid(a.authorId, a.authorName);
        const noteGuids: string[] = [];
        if (a.noteText.trim()) {
          const g = guidOf(a.id, "note");
          notes.push({ guid: g, name: shorten(a.noteText, 60), text: a.noteText, kind: "note", creatingUser: author, creationDateTime: a.createdAt.toISOString() });
          noteGuids.push(g);
        }
        for (const r of repliesOf.get(a.id) ?? []) {
          const g = guidOf(r.id);
          notes.push({ guid: g, name: `${r.authorName}, ${r.createdAt.toISOString()}`, text: r.body, kind: "reply", creatingUser: userGuid(r.authorId, r.authorName), creationDateTime: r.createdAt.toISOString() });
          noteGuids.push(g);
        }
        const themeIds = [...(tagsOf.get(a.id) ?? [])];
        codings += themeIds.length;
        return {
          guid: selectionGuid(a.id),
          name: shorten(a.exact, 60),
          start: cp.toCodePoint(a.start),
          end: cp.toCodePoint(a.end),
          creatingUser: author,
          creationDateTime: a.createdAt.toISOString(),
          modifiedDateTime: a.updatedAt.toISOString(),
          description: describeSelection(a.colour, a.status),
          codings: themeIds.map((t) => ({ guid: guidOf(`${a.id}:${t}`, "coding"), codeGuid: codeGuid(t), creatingUser: author, creationDateTime: a.createdAt.toISOString() })),
          noteGuids,
        };
      });
    const d = v.document;
    const values = variables.flatMap((x) => (d[x.key] ? [{ variableGuid: x.guid, value: d[x.key]! }] : []));
    return {
      guid,
      name: latestIds.has(v.id) ? d.title : `${d.title} (v${v.number})`,
      plainTextPath: `internal://${path}`,
      ...(d.createdById ? { creatingUser: guidOf(d.createdById, "user") } : {}),
      creationDateTime: v.createdAt.toISOString(),
      selections,
      values,
    };
  });
  if (qdaSources.some((s) => s.creatingUser)) {
    const creators = await prisma.user.findMany({ where: { id: { in: versions.map((v) => v.document.createdById).filter((x): x is string => !!x) } }, select: { id: true, name: true } });
    for (const c of creators) userGuid(c.id, c.name);
  }

  // Links between exported annotations; links with a map node end become graph edges only.
  const rows = await prisma.link.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fromKind: true, fromId: true, toKind: true, toId: true, kind: true, label: true, authorId: true, createdAt: true } });
  const nodeIds = new Set(map.nodes.filter((n) => n.kind !== "annotation").map((n) => n.id));
  const endOk = (kind: string, id: string) => (kind === "annotation" ? exported.has(id) : nodeIds.has(id));
  const kept = rows.filter((l) => endOk(l.fromKind, l.fromId) && endOk(l.toKind, l.toId));
  const direction = (kind: string): QdaDirection => (normaliseRelation(kind) === "same_claim" ? "Bidirectional" : "OneWay");
  const links: QdaLink[] = [];
  for (const l of kept) {
    if (l.fromKind !== "annotation" || l.toKind !== "annotation") continue;
    const noteGuids: string[] = [];
    if (l.label.trim()) {
      const g = guidOf(l.id, "note");
      notes.push({ guid: g, name: shorten(l.label, 60), text: l.label, kind: "note", creationDateTime: l.createdAt.toISOString() });
      noteGuids.push(g);
    }
    links.push({ guid: guidOf(l.id), name: normaliseRelation(l.kind) ?? l.kind, direction: direction(l.kind), originGuid: selectionGuid(l.fromId), targetGuid: selectionGuid(l.toId), noteGuids });
  }

  // The argument map as one Graph: node entries, then annotations that are link ends only.
  const vertices = new Map<string, QdaVertex>();
  for (const n of map.nodes) {
    if (n.kind === "annotation") {
      if (!n.annotationId || !exported.has(n.annotationId)) continue;
      const p = map.positions.get(n.annotationId);
      vertices.set(`annotation:${n.annotationId}`, { guid: guidOf(n.annotationId, "vertex"), representedGuid: selectionGuid(n.annotationId), name: n.label, x: p?.x ?? 0, y: p?.y ?? 0, shape: SHAPE_OF.annotation });
    } else {
      const p = map.positions.get(n.id);
      vertices.set(`node:${n.id}`, { guid: guidOf(n.id, "vertex"), name: n.label ?? "", x: p?.x ?? 0, y: p?.y ?? 0, shape: SHAPE_OF[n.kind] });
    }
  }
  const vertexOf = (kind: string, id: string): QdaVertex => {
    const key = `${kind}:${id}`;
    let v = vertices.get(key);
    if (!v) {
      const p = map.positions.get(id);
      // No shape: placed by the map's layout, not by a user (it comes back unplaced).
      v = { guid: guidOf(id, "vertex"), representedGuid: selectionGuid(id), x: p?.x ?? 0, y: p?.y ?? 0, ...(p ? { shape: SHAPE_OF.annotation } : {}) };
      vertices.set(key, v);
    }
    return v;
  };
  const edges = kept.map((l) => ({
    guid: guidOf(l.id, "edge"),
    ...(l.fromKind === "annotation" && l.toKind === "annotation" ? { representedGuid: guidOf(l.id) } : {}),
    name: normaliseRelation(l.kind) ?? l.kind,
    source: vertexOf(l.fromKind, l.fromId).guid,
    target: vertexOf(l.toKind, l.toId).guid,
    direction: direction(l.kind),
  }));
  const graphs: QdaGraph[] = vertices.size ? [{ guid: guidOf(workspaceId, "map"), name: "Argument map", vertices: [...vertices.values()], edges }] : [];

  const project: QdaProject = {
    name: sources.workspace.name,
    origin: "Synoptic",
    creationDateTime: now.toISOString(),
    users: [...users.values()],
    codes: roots,
    variables: variables.map((v) => ({ guid: v.guid, name: v.name })),
    sources: qdaSources,
    notes,
    links,
    graphs,
  };
  return {
    project,
    files,
    counts: { sources: qdaSources.length, selections: annotations.length, codings, notes: notes.length, links: links.length, vertices: vertices.size, edges: edges.length },
  };
}
