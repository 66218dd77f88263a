"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { getAnnotation, listAnnotations, observeAnnotationChanges, type AnnotationEntry } from "@/lib/collab/model";
import type { AnalysisAnnotation } from "@/lib/core/themes";

export interface WorkspaceAnnotations {
  annotations: AnalysisAnnotation[];
  byId: Map<string, AnalysisAnnotation>;
}

const toAnalysis = (documentId: string, a: AnnotationEntry): AnalysisAnnotation => ({
  id: a.id,
  documentId,
  versionId: a.anchor.versionId,
  start: a.anchor.start,
  end: a.anchor.end,
  exact: a.anchor.exact,
  themeIds: a.themeIds,
  authorName: a.author.name,
});

export interface AnnotationWatch {
  /** The current annotations, as a new snapshot (what the hook publishes). */
  read(): WorkspaceAnnotations;
  stop(): void;
}

/**
 * The hook's work without React: reads the annotations the docs hold now, then follows every
 * change incrementally (only the entries a transaction touched are read again, each through
 * the validating client library) and calls `onChange` after each. The matrix page starts it
 * before the docs have synced, so the initial sync itself arrives as one change per document.
 * scripts/bench/_themes-page.tsx runs this same function to time the first load.
 */
export function watchWorkspaceAnnotations(docs: ReadonlyMap<string, Y.Doc>, onChange: () => void): AnnotationWatch {
  const byId = new Map<string, AnalysisAnnotation>();
  for (const [documentId, doc] of docs) for (const a of listAnnotations(doc)) byId.set(a.id, toAnalysis(documentId, a));
  const stops = [...docs].map(([documentId, doc]) =>
    observeAnnotationChanges(doc, (ids) => {
      for (const id of ids) {
        const a = getAnnotation(doc, id);
        if (a && !a.deleted) byId.set(id, toAnalysis(documentId, a));
        else byId.delete(id);
      }
      onChange();
    }),
  );
  return {
    read: () => ({ annotations: [...byId.values()], byId: new Map(byId) }),
    stop: () => stops.forEach((s) => s()),
  };
}

/**
 * Live annotations of several documents' Y.Docs, as analysis input, published at most once
 * per animation frame, so a burst of remote tags costs one recomputation.
 */
export function useWorkspaceAnnotations(docs: ReadonlyMap<string, Y.Doc> | null): WorkspaceAnnotations {
  const [state, setState] = useState<WorkspaceAnnotations>({ annotations: [], byId: new Map() });
  useEffect(() => {
    if (!docs) return;
    let frame: number | null = null;
    const watch = watchWorkspaceAnnotations(docs, () => {
      if (frame === null) frame = requestAnimationFrame(publish);
    });
    function publish() {
      frame = null;
      setState(watch.read());
    }
    publish();
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      watch.stop();
    };
  }, [docs]);
  return state;
}
