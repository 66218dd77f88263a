"use client";

import { useEffect } from "react";
import type { LocalUndo } from "@/lib/collab/client";

interface Deps {
  /** The undo of the active pane (Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z or Ctrl+Y outside text fields). */
  undo: LocalUndo | null | undefined;
  /** Alt+A: to the selection toolbar (null when the user may not annotate). */
  onToolbarKey: (() => void) | null;
}

/** The compare view's keyboard shortcuts, on the whole document. */
export function useCompareKeys({ undo, onToolbarKey }: Deps): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.code === "KeyA") {
        e.preventDefault();
        onToolbarKey?.();
        return;
      }
      const key = e.key.toLowerCase();
      if (!(e.ctrlKey || e.metaKey) || (key !== "z" && key !== "y")) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true]")) return;
      if (!undo) return;
      e.preventDefault();
      if (key === "y" || e.shiftKey) undo.redo();
      else undo.undo();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undo, onToolbarKey]);
}
