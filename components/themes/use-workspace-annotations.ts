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

/**
 * Live annotations of several documents' Y.Docs, as analysis input. Changes are applied
 * incrementally (only the entries a transaction touched are re-read) and published at most
 * once per animation frame, so a burst of remote tags costs one recomputation.
 */
export function useWorkspaceAnnotations(docs: ReadonlyMap<string, Y.Doc> | null): WorkspaceAnnotations {
  const [state, setState] = useState<WorkspaceAnnotations>({ annotations: [], byId: new Map() });
  useEffect(() => {
    if (!docs) return;
    const byId = new Map<string, AnalysisAnnotation>();
    for (const [documentId, doc] of docs) for (const a of listAnnotations(doc)) byId.set(a.id, toAnalysis(documentId, a));
    let frame: number | null = null;
    const publish = () => {
      frame = null;
      setState({ annotations: [...byId.values()], byId: new Map(byId) });
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(publish);
    };
    publish();
    const stops = [...docs].map(([documentId, doc]) =>
      observeAnnotationChanges(doc, (ids) => {
        for (const id of ids) {
          const a = getAnnotation(doc, id);
          if (a && !a.deleted) byId.set(id, toAnalysis(documentId, a));
          else byId.delete(id);
        }
        schedule();
      }),
    );
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      stops.forEach((s) => s());
    };
  }, [docs]);
  return state;
}
