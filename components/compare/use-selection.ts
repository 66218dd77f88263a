"use client";

import { useEffect, useRef, useState } from "react";
import type { PaneHandle } from "./pane-handle";
import { readSelection, type SelectionInfo } from "@/lib/collab/client/dom";

/**
 * Follows the reader selection: what the toolbar shows (only once the mouse is up, so it does
 * not flicker during a drag), and what each pane's awareness carries (canonical offsets and the
 * version, so others paint it wherever their layout puts the text).
 */
export function useSelection(panes: PaneHandle[]): [SelectionInfo<PaneHandle> | null, () => void] {
  const [info, setInfo] = useState<SelectionInfo<PaneHandle> | null>(null);
  const panesRef = useRef(panes);
  useEffect(() => {
    panesRef.current = panes;
  }, [panes]);
  const sent = useRef(new Map<string, string>());

  useEffect(() => {
    let down = false;
    let timer = 0;
    const broadcast = (next: SelectionInfo<PaneHandle> | null) => {
      for (const p of panesRef.current) {
        if (!p.commands) continue;
        const sel = next?.ok && next.pane === p ? { versionId: p.data.version.id, start: next.start, end: next.end } : null;
        const key = sel ? `${sel.start}-${sel.end}` : "";
        if (sent.current.get(p.data.document.id) === key) continue;
        sent.current.set(p.data.document.id, key);
        p.commands.shareSelection(sel);
      }
    };
    const update = () => {
      const next = readSelection(panesRef.current);
      broadcast(next);
      if (!down) setInfo(next);
    };
    const onChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 80);
    };
    const onDown = (e: PointerEvent) => {
      if ((e.target as Element | null)?.closest?.("[data-testid=selection-toolbar]")) return;
      down = true;
      setInfo(null);
    };
    const onUp = () => {
      down = false;
      onChange();
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("pointerup", onUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("pointerup", onUp);
    };
  }, []);

  const clear = () => {
    window.getSelection()?.removeAllRanges();
    setInfo(null);
  };
  return [info, clear];
}
