"use client";

import { useCallback, useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { serialiseViewState, type CompareViewState } from "@/lib/core/compare";

/**
 * The URL always describes the view (documents, positions, focus, sync) so that a copied link
 * reopens it. Positions are DOM state, kept in a ref and written with the rest.
 */
export function useViewUrl(initial: CompareViewState, current: { order: string[]; focusId: string | null; sync: boolean }) {
  const pathname = usePathname();
  const positions = useRef(new Map(initial.documents.map((d, i) => [d, initial.positions[i] ?? 0])));
  const { order, focusId, sync } = current;
  const viewState = useCallback(
    (docs: string[] = order): CompareViewState => ({
      documents: docs,
      positions: docs.map((d) => positions.current.get(d) ?? 0),
      focus: focusId,
      sync,
    }),
    [order, focusId, sync],
  );
  const urlOf = useCallback((st: CompareViewState) => {
    const qs = serialiseViewState(st);
    return qs ? `${pathname}?${qs}` : pathname;
  }, [pathname]);
  const writeUrl = useCallback((st: CompareViewState) => window.history.replaceState(window.history.state, "", urlOf(st)), [urlOf]);
  useEffect(() => writeUrl(viewState()), [viewState, writeUrl]);
  const rememberPosition = useCallback((docId: string, at: number) => positions.current.set(docId, at), []);
  return { viewState, writeUrl, urlOf, rememberPosition };
}
