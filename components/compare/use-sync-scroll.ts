"use client";

import { useCallback, useEffect, useRef } from "react";
import type { PaneHandle } from "./pane-handle";

/**
 * Scroll bookkeeping: remembers each pane's position (as a canonical offset, for the URL) and,
 * in sync mode, scrolls the other panes to the same proportion of their length. Scrolls the
 * hook makes itself are remembered so they do not echo back as user scrolls.
 */
export function useSyncScroll(panes: PaneHandle[], sync: boolean, remember: (documentId: string, at: number) => void, persist: () => void) {
  const expected = useRef(new Map<HTMLElement, number>());
  const timer = useRef(0);
  const latest = useRef({ panes, sync, remember, persist });
  useEffect(() => {
    latest.current = { panes, sync, remember, persist };
  }, [panes, sync, remember, persist]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return useCallback((index: number) => {
    const { panes: list, sync: on } = latest.current;
    // `panes` is in view order, the same order as the index a pane reports.
    const pane = list[index];
    if (!pane) return;
    const el = pane.scroller;
    const want = expected.current.get(el);
    const echo = want !== undefined && Math.abs(want - el.scrollTop) < 2;
    if (echo) expected.current.delete(el);
    if (on && !echo) {
      const ratio = el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight);
      for (const other of list) {
        if (other === pane) continue;
        const o = other.scroller;
        const top = Math.round(ratio * (o.scrollHeight - o.clientHeight));
        expected.current.set(o, top);
        // Scrolling a DOM element, not mutating React state.
        // eslint-disable-next-line react-hooks/immutability
        o.scrollTop = top;
      }
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      for (const p of latest.current.panes) latest.current.remember(p.data.document.id, p.topOffset());
      latest.current.persist();
    }, 400);
  }, []);
}
