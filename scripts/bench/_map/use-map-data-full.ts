"use client";

/**
 * Baseline of the map bench's `map_remote_update_ms`: lib/collab/client/react/use-map-data.ts as it was
 * before it read incrementally (kept verbatim apart from this comment; the bench's baseline
 * bundle resolves MapView's import of it here). Every change of any doc re-reads and
 * re-validates every annotation of every document, plus the whole workspace doc, once per
 * animation frame.
 */
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import {
  listAnnotations,
  listArgumentLinks,
  listMapEntries,
  listThemes,
  observeAnnotations,
  observeWorkspace,
  readPositions,
  type ThemeEntry,
} from "@/lib/collab/model";
import type { ArgumentLink, CatalogAnnotation, FreeNodeEntry } from "@/lib/core/argument";

export interface MapDocumentInfo {
  id: string;
  title: string;
}

export interface MapData {
  annotations: Map<string, CatalogAnnotation>;
  themes: ThemeEntry[];
  links: ArgumentLink[];
  nodes: FreeNodeEntry[];
  positions: Record<string, { x: number; y: number }>;
}

export function useMapData(meta: Y.Doc | null, documents: ReadonlyMap<string, Y.Doc> | null, info: readonly MapDocumentInfo[]): MapData {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!meta || !documents) return;
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const offs = [observeWorkspace(meta, bump), ...[...documents.values()].map((d) => observeAnnotations(d, bump))];
    bump();
    return () => {
      cancelAnimationFrame(frame);
      offs.forEach((off) => off());
    };
  }, [meta, documents]);

  return useMemo(() => {
    void version;
    const annotations = new Map<string, CatalogAnnotation>();
    if (!meta || !documents) return { annotations, themes: [], links: [], nodes: [], positions: {} };
    const titles = new Map(info.map((d) => [d.id, d.title]));
    for (const [documentId, doc] of documents) {
      for (const a of listAnnotations(doc)) {
        annotations.set(a.id, { id: a.id, documentId, documentTitle: titles.get(documentId) ?? "", exact: a.anchor.exact, themeIds: a.themeIds, colour: a.colour });
      }
    }
    return { annotations, themes: listThemes(meta), links: listArgumentLinks(meta), nodes: listMapEntries(meta), positions: readPositions(meta) };
  }, [version, meta, documents, info]);
}
