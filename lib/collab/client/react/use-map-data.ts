"use client";

import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { observeWorkspace } from "@/lib/collab/model";
import type { CatalogAnnotation } from "@/lib/core/argument";
import { createCatalogReuse, NO_WORKSPACE, readMapWorkspace, toCatalog, type MapData, type MapDocumentInfo, type MapWorkspace } from "../stores/argument-workspace";
import { useWorkspaceAnnotations } from "./use-workspace-annotations";

/**
 * Everything the map shows, live (see stores/argument-workspace.ts): the annotations of every
 * document through the incremental watcher, the workspace doc's part re-read when it changes.
 */
export function useMapData(meta: Y.Doc | null, documents: ReadonlyMap<string, Y.Doc> | null, info: readonly MapDocumentInfo[]): MapData {
  // Both come from one session: the map shows nothing until it has both.
  const ready = !!meta && !!documents;
  const { annotations } = useWorkspaceAnnotations(meta ? documents : null);

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

  const [reuse] = useState(createCatalogReuse);
  const catalog = useMemo(() => (ready ? toCatalog(annotations, info, reuse) : new Map<string, CatalogAnnotation>()), [ready, annotations, info, reuse]);
  // A workspace read from a previous session's doc is not this one's.
  const current = ready && workspace.meta === meta ? workspace.data : NO_WORKSPACE;
  return useMemo(() => ({ annotations: catalog, ...current }), [catalog, current]);
}
