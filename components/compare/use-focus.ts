"use client";

import { useCallback, useEffect, useState } from "react";
import type { PaneHandle } from "./pane-handle";
import type { FocusRef } from "./types";

/**
 * The focused annotation: its card is open, it is painted with the focus layer, and the URL
 * names it. A focus from a link waits until some pane's annotations have loaded and hold it.
 */
export function useFocus(panes: PaneHandle[], fromUrl: string | null) {
  const [focus, setFocusState] = useState<FocusRef | null>(null);
  const [focusNote, setFocusNote] = useState(false);
  const [pending, setPending] = useState<string | null>(fromUrl);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [tick, setTick] = useState(0);

  const setFocus = useCallback((ref: FocusRef | null, scroll: boolean, note = false) => {
    setPending(null);
    setFocusState(ref);
    setFocusNote(note);
    if (scroll) setScrollRequest((n) => n + 1);
  }, []);

  // A store change may resolve a pending focus or move/delete the focused annotation; with
  // neither, changes (thousands, from others) need not re-render the view.
  const watching = !!(pending || focus);
  useEffect(() => {
    if (!watching) return;
    const offs = panes.map((p) => p.store?.subscribe(() => setTick((n) => n + 1)) ?? (() => {}));
    return () => offs.forEach((off) => off());
  }, [panes, watching]);

  // A focus from the link, once a pane holds it (`tick` re-renders on store changes).
  const pendingPane = pending && tick >= 0 ? panes.find((p) => p.store?.get(pending)) : undefined;
  const current: FocusRef | null = focus ?? (pending && pendingPane ? { documentId: pendingPane.data.document.id, annotationId: pending } : null);
  const pendingFound = !!pendingPane;
  useEffect(() => {
    if (!pendingFound || !pending || !pendingPane) return;
    const item = pendingPane.store?.get(pending);
    if (item?.start != null) pendingPane.scrollTo(item.start, "center");
    // Scroll once, when the linked annotation first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingFound]);

  // Paint the focus layer in its pane and clear it elsewhere.
  useEffect(() => {
    for (const p of panes) {
      const item = current && p.data.document.id === current.documentId ? p.store?.get(current.annotationId) : undefined;
      p.painter?.setFocus(item && item.start !== null && item.end !== null ? { start: item.start, end: item.end } : null);
    }
  }, [current?.documentId, current?.annotationId, panes, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!scrollRequest || !current) return;
    const pane = panes.find((p) => p.data.document.id === current.documentId);
    const item = pane?.store?.get(current.annotationId);
    if (pane && item?.start != null) pane.scrollTo(item.start, "center");
    // Only a new request scrolls; later store changes must not yank the pane back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  // The URL keeps a linked focus while it waits for its pane, so a reload meanwhile loses nothing.
  return { focus: current, focusId: current?.annotationId ?? pending, focusNote, setFocus };
}
