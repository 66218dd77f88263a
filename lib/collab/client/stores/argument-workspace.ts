/**
 * Everything the map shows, read from the Y.Docs through the client library, in two parts
 * that follow their own docs:
 * - the annotations of every document, through the incremental watcher the matrix uses
 *   (useWorkspaceAnnotations): a remote tag re-reads that one entry, not the workspace's
 *   thousands;
 * - the workspace doc's themes, links, map entries and positions, re-read when that doc
 *   changes (a drag end, a link), never because an annotation doc did.
 * Each part publishes at most once per animation frame: a remote layout writes hundreds of
 * positions at once, a burst of remote tags touches many annotations.
 */
import type * as Y from "yjs";
import { listArgumentLinks, listMapEntries, listThemes, readPositions, type ThemeEntry } from "@/lib/collab/model";
import type { ArgumentLink, CatalogAnnotation, FreeNodeEntry } from "@/lib/core/argument";
import type { WorkspaceAnnotation } from "./workspace-annotations";

export interface MapDocumentInfo {
  id: string;
  title: string;
}

export interface MapWorkspace {
  themes: ThemeEntry[];
  links: ArgumentLink[];
  nodes: FreeNodeEntry[];
  positions: Record<string, { x: number; y: number }>;
}

export interface MapData extends MapWorkspace {
  annotations: Map<string, CatalogAnnotation>;
}

export const NO_WORKSPACE: MapWorkspace = { themes: [], links: [], nodes: [], positions: {} };

/** The workspace doc's part of the map. */
export function readMapWorkspace(meta: Y.Doc): MapWorkspace {
  return { themes: listThemes(meta), links: listArgumentLinks(meta), nodes: listMapEntries(meta), positions: readPositions(meta) };
}

/**
 * The map's annotation catalogue: the watched annotations, in their order, each with its
 * document's title. Kept apart from the watcher so a renamed document needs no re-read.
 */
export function toCatalog(annotations: readonly WorkspaceAnnotation[], info: readonly MapDocumentInfo[], reuse?: CatalogReuse): Map<string, CatalogAnnotation> {
  const titles = new Map(info.map((d) => [d.id, d.title]));
  // Entries of annotations the watcher did not re-read (the same objects) are the previous
  // catalogue's, while the titles are the same: a remote tag makes one new entry, not ten
  // thousand, and the graph can tell the changed annotation by identity.
  const cache = reuse && reuse.info === info ? reuse.entries : new WeakMap<WorkspaceAnnotation, CatalogAnnotation>();
  const last = reuse && reuse.info === info ? reuse.last : null;
  if (reuse) {
    reuse.info = info;
    reuse.entries = cache;
  }
  // The same annotations in the same places but a few re-read (edits): a copy of the previous
  // catalogue with those entries replaced — the same keys in the same order as a fresh one.
  if (reuse && last && last.annotations.length === annotations.length) {
    let changed: WorkspaceAnnotation[] | null = [];
    for (let i = 0; i < annotations.length; i++) {
      const a = annotations[i]!;
      const before = last.annotations[i]!;
      if (a === before) continue;
      if (a.id !== before.id) {
        changed = null;
        break;
      }
      changed.push(a);
    }
    if (changed) {
      const out = changed.length ? new Map(last.catalog) : last.catalog;
      for (const a of changed) {
        const entry: CatalogAnnotation = { id: a.id, documentId: a.documentId, documentTitle: titles.get(a.documentId) ?? "", exact: a.exact, themeIds: a.themeIds, colour: a.colour };
        cache.set(a, entry);
        out.set(a.id, entry);
      }
      reuse.last = { annotations, catalog: out };
      return out;
    }
  }
  const out = new Map<string, CatalogAnnotation>();
  for (const a of annotations) {
    let entry = cache.get(a);
    if (!entry) {
      entry = { id: a.id, documentId: a.documentId, documentTitle: titles.get(a.documentId) ?? "", exact: a.exact, themeIds: a.themeIds, colour: a.colour };
      cache.set(a, entry);
    }
    out.set(a.id, entry);
  }
  if (reuse) reuse.last = { annotations, catalog: out };
  return out;
}

/** What toCatalog keeps between calls (createCatalogReuse): the entries made for each watched annotation. */
export interface CatalogReuse {
  info: readonly MapDocumentInfo[] | null;
  entries: WeakMap<WorkspaceAnnotation, CatalogAnnotation>;
  /** The last call's input and result (a result is read, never changed, by its callers). */
  last: { annotations: readonly WorkspaceAnnotation[]; catalog: Map<string, CatalogAnnotation> } | null;
}

export function createCatalogReuse(): CatalogReuse {
  return { info: null, entries: new WeakMap(), last: null };
}
