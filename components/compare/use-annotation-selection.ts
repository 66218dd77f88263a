"use client";

import { useCallback, useEffect, useMemo, useReducer } from "react";
import type { TagTarget } from "@/lib/collab/client";
import { EMPTY_SELECTION, selectionReducer, selectionSize, type AnnotationSelection } from "./annotation-selection";
import type { PaneHandle } from "./pane-handle";

/** The view's multi-selection, for the sidebar (checkboxes, the selection bar) and Ctrl/Cmd-click. */
export interface AnnotationSelectionApi {
  selection: AnnotationSelection;
  size: { annotations: number; documents: number };
  /** What the theme picker tags: one target per open document with a selection. */
  targets: readonly TagTarget[];
  click(documentId: string, annotationId: string, order: readonly string[], shift: boolean): void;
  set(documentId: string, annotationIds: readonly string[], on: boolean): void;
  toggle(documentId: string, annotationId: string): void;
  clear(): void;
}

/**
 * Held by the compare view (not the sidebar), so it outlives switching tabs between panes and
 * spans panes. Annotations deleted meanwhile, by anyone, and panes closed drop out of it.
 */
export function useAnnotationSelection(panes: PaneHandle[]): AnnotationSelectionApi {
  const [state, dispatch] = useReducer(selectionReducer, EMPTY_SELECTION);
  const { selection } = state;
  const size = useMemo(() => selectionSize(selection), [selection]);

  // Only while something is selected: otherwise the stores' many changes need not reach here.
  const watching = size.annotations > 0;
  useEffect(() => {
    if (!watching) return;
    const byDocument = new Map(panes.map((p) => [p.data.document.id, p]));
    const prune = () => dispatch({ type: "prune", exists: (documentId, id) => !!byDocument.get(documentId)?.store?.get(id) });
    const offs = panes.map((p) => p.store?.subscribe(prune) ?? (() => {}));
    // The panes changed (one closed, or a store replaced): check at once, not at the next edit.
    queueMicrotask(prune);
    return () => offs.forEach((off) => off());
  }, [panes, watching]);

  const targets = useMemo(
    () =>
      panes.flatMap((p): TagTarget[] => {
        const ids = selection.get(p.data.document.id);
        return ids && ids.size > 0 && p.commands ? [p.commands.target([...ids])] : [];
      }),
    [panes, selection],
  );

  const click = useCallback((documentId: string, annotationId: string, order: readonly string[], shift: boolean) => dispatch({ type: "click", documentId, annotationId, order, shift }), []);
  const set = useCallback((documentId: string, annotationIds: readonly string[], on: boolean) => dispatch({ type: "set", documentId, annotationIds, on }), []);
  const toggle = useCallback((documentId: string, annotationId: string) => dispatch({ type: "toggle", documentId, annotationId }), []);
  const clear = useCallback(() => dispatch({ type: "clear" }), []);
  return useMemo(() => ({ selection, size, targets, click, set, toggle, clear }), [selection, size, targets, click, set, toggle, clear]);
}
