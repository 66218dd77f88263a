"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { PaneHandle } from "./pane-handle";

/**
 * Which documents the view shows, in which order, and the mounted panes' handles in that
 * order. Moving a pane moves its DOM (so reading and tab order follow what is seen), which can
 * reset its scroll: `reorder` remembers every pane's scroll and puts it back right after.
 */
export function usePaneOrder(initial: string[]) {
  const [order, setOrder] = useState<string[]>(initial);
  const [handles, setHandles] = useState<Map<string, PaneHandle>>(() => new Map());
  const panes = useMemo(() => order.map((id) => handles.get(id)).filter((h): h is PaneHandle => !!h), [order, handles]);

  const register = useCallback((id: string, h: PaneHandle | null) => {
    setHandles((prev) => {
      const next = new Map(prev);
      if (h) next.set(id, h);
      else next.delete(id);
      return next;
    });
  }, []);

  const scrollsBeforeMove = useRef<Map<string, number> | null>(null);
  const reorder = (next: string[]) => {
    scrollsBeforeMove.current = new Map(panes.map((p) => [p.data.document.id, p.scroller.scrollTop]));
    setOrder(next);
  };
  useLayoutEffect(() => {
    const saved = scrollsBeforeMove.current;
    if (!saved) return;
    scrollsBeforeMove.current = null;
    for (const p of panes) {
      const top = saved.get(p.data.document.id);
      if (top !== undefined) restoreScroll(p.scroller, top);
    }
  }, [order, panes]);

  return { order, setOrder, reorder, panes, register };
}

/** A DOM scroll position (not React state), put back after a pane moved. */
function restoreScroll(el: HTMLElement, top: number): void {
  if (Math.abs(el.scrollTop - top) > 1) el.scrollTop = top;
}
