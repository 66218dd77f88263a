"use client";

import { useRef } from "react";
import { annotationsAtPoint } from "@/lib/collab/client/dom";
import type { PaneHandle } from "./pane-handle";
import type { FocusRef } from "./types";

interface Deps {
  panes: PaneHandle[];
  focus: FocusRef | null;
  /** Ctrl/Cmd-click ticks annotations for tagging when given. */
  pick?: (documentId: string, annotationId: string) => void;
  activate(index: number): void;
  /** Opens the card of a clicked annotation (without scrolling: it is where the user clicked). */
  select(ref: FocusRef): void;
  /** True when the click ended a link drag (and must do nothing else). */
  consumeClick(): boolean;
}

/**
 * Highlights are not elements: clicks and the pointer cursor over them come from hit tests
 * (the painter's ranges under the point). A click opens the innermost annotation's card, and
 * each further click on the same spot the next one of overlapping annotations.
 */
export function useHighlightPointer({ panes, focus, pick, activate, select, consumeClick }: Deps) {
  const onClick = (e: React.MouseEvent) => {
    if (consumeClick()) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const idx = panes.findIndex((p) => p.article.contains(e.target as Node));
    const pane = panes[idx];
    if (!pane) return;
    const ids = annotationsAtPoint(pane, e.clientX, e.clientY);
    if (!ids.length) return;
    activate(idx);
    if ((e.ctrlKey || e.metaKey) && pick) return pick(pane.data.document.id, ids[0]!);
    const current = focus && focus.documentId === pane.data.document.id ? ids.indexOf(focus.annotationId) : -1;
    select({ documentId: pane.data.document.id, annotationId: ids[(current + 1) % ids.length]! });
  };

  // The hit test runs once a frame at most.
  const hover = useRef({ frame: 0, x: 0, y: 0, target: null as EventTarget | null });
  const onMouseMove = (e: React.MouseEvent) => {
    const h = hover.current;
    h.x = e.clientX;
    h.y = e.clientY;
    h.target = e.target;
    if (h.frame) return;
    h.frame = requestAnimationFrame(() => {
      h.frame = 0;
      const pane = panes.find((p) => p.article.contains(h.target as Node));
      const over = !!pane && annotationsAtPoint(pane, h.x, h.y).length > 0;
      for (const p of panes) p.article.toggleAttribute("data-over-highlight", over && p === pane);
    });
  };
  return { onClick, onMouseMove };
}
