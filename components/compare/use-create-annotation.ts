"use client";

import { useTranslations } from "next-intl";
import type { SelectionInfo } from "@/lib/collab/client/dom";
import type { CardPicker } from "./card-tools";
import type { PaneHandle } from "./pane-handle";
import type { FocusRef } from "./types";
import { useErrorReason } from "./use-error-reason";

interface Deps {
  selection: SelectionInfo<PaneHandle> | null;
  clearSelection(): void;
  /** After creating with a note or a picker: that card opens (its pane active, the picker requested). */
  openCard(pane: PaneHandle, ref: FocusRef, opts: { note: boolean; picker?: CardPicker }): void;
  toast(message: string): void;
}

/** Annotating the selected passage (the selection toolbar's highlight, note, # and ⇄). */
export function useCreateAnnotation({ selection, clearSelection, openCard, toast }: Deps) {
  const t = useTranslations("compare");
  const reason = useErrorReason();
  return (colour: string, withNote: boolean, picker?: CardPicker) => {
    if (!selection?.ok) return;
    const pane = selection.pane;
    if (!pane.commands) return toast(t("noCollab"));
    try {
      const range = { text: pane.data.version.text, versionId: pane.data.version.id, start: selection.start, end: selection.end };
      const entry = pane.commands.annotate(range, colour);
      clearSelection();
      if (withNote || picker) openCard(pane, { documentId: pane.data.document.id, annotationId: entry.id }, { note: withNote, ...(picker ? { picker } : {}) });
    } catch (e) {
      toast(t("problem.create_failed", { reason: reason(e) }));
    }
  };
}
