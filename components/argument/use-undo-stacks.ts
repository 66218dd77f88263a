"use client";

import { useEffect, useState } from "react";
import type { MapSessionState } from "@/lib/collab/client/react";

/** How many steps the map's undo and redo hold (for the toolbar's buttons). */
export function useUndoStacks(undo: MapSessionState["undo"]): { undo: number; redo: number } {
  const [stacks, setStacks] = useState({ undo: 0, redo: 0 });
  useEffect(() => {
    if (!undo) return;
    const on = () => setStacks({ undo: undo.undoStack.length, redo: undo.redoStack.length });
    undo.on("stack-item-added", on);
    undo.on("stack-item-popped", on);
    return () => {
      undo.off("stack-item-added", on);
      undo.off("stack-item-popped", on);
    };
  }, [undo]);
  return stacks;
}
