"use client";

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
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { listArgumentLinks, listMapEntries, listThemes, observeWorkspace, readPositions, type ThemeEntry } from "@/lib/collab/model";
import type { ArgumentLink, CatalogAnnotation, FreeNodeEntry } from "@/lib/core/argument";
import { useWorkspaceAnnotations, type WorkspaceAnnotation } from "../themes/use-workspace-annotations";

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

const NO_WORKSPACE: MapWorkspace = { themes: [], links: [], nodes: [], positions: {} };

/** The workspace doc's part of the map. */
export function readMapWorkspace(meta: Y.Doc): MapWorkspace {
  return { themes: listThemes(meta), links: listArgumentLinks(meta), nodes: listMapEntries(meta), positions: readPositions(meta) };
}

/**
 * The map's annotation catalogue: the watched annotations, in their order, each with its
 * document's title. Kept apart from the watcher so a renamed document needs no re-read.
 */
export function toCatalog(annotations: readonly WorkspaceAnnotation[], info: readonly MapDocumentInfo[]): Map<string, CatalogAnnotation> {
  const titles = new Map(info.map((d) => [d.id, d.title]));
  const out = new Map<string, CatalogAnnotation>();
  for (const a of annotations) {
    out.set(a.id, { id: a.id, documentId: a.documentId, documentTitle: titles.get(a.documentId) ?? "", exact: a.exact, themeIds: a.themeIds, colour: a.colour });
  }
  return out;
}

export function useMapData(meta: Y.Doc | null, documents: ReadonlyMap<string, { doc: Y.Doc }> | null, info: readonly MapDocumentInfo[]): MapData {
  // Both come from one session: the map shows nothing until it has both.
  const ready = !!meta && !!documents;
  const docs = useMemo(() => (meta && documents ? new Map([...documents].map(([id, handle]) => [id, handle.doc])) : null), [meta, documents]);
  const { annotations } = useWorkspaceAnnotations(docs);

  const [workspace, setWorkspace] = useState<{ meta: Y.Doc | null; data: MapWorkspace }>({ meta: null, data: NO_WORKSPACE });
  useEffect(() => {
    if (!meta) return;
    let frame = 0;
    const publish = () => {
      frame = 0;
      setWorkspace({ meta, data: readMapWorkspace(meta) });
    };
    const off = observeWorkspace(meta, () => {
      if (!frame) frame = requestAnimationFrame(publish);
    });
    publish();
    return () => {
      cancelAnimationFrame(frame);
      off();
    };
  }, [meta]);

  const catalog = useMemo(() => (ready ? toCatalog(annotations, info) : new Map<string, CatalogAnnotation>()), [ready, annotations, info]);
  // A workspace read from a previous session's doc is not this one's.
  const current = ready && workspace.meta === meta ? workspace.data : NO_WORKSPACE;
  return useMemo(() => ({ annotations: catalog, ...current }), [catalog, current]);
}
