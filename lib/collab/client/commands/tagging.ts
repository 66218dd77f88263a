/**
 * Tagging from the UI, over annotations that may sit in several documents' Y.Docs (the compare
 * view selects across panes). Everything is checked before anything is written, so a deleted
 * annotation or theme refuses the whole change with one clear error code.
 */
import type * as Y from "yjs";
import { AppError, isAppError } from "@/lib/core/errors";
import { getAnnotation, listThemes, observeAnnotations, tagAnnotations } from "@/lib/collab/model";

/** Annotations of one document's annotations Y.Doc. */
export interface TagTarget {
  doc: Y.Doc;
  annotationIds: readonly string[];
}

export type ThemeState = "all" | "some" | "none";

/** Whether every, some or none of the target annotations carry `themeId`. */
export function themeStateOn(targets: readonly TagTarget[], themeId: string): ThemeState {
  let has = 0;
  let total = 0;
  for (const t of targets) {
    for (const id of t.annotationIds) {
      total++;
      if (getAnnotation(t.doc, id)?.themeIds.includes(themeId)) has++;
    }
  }
  return total > 0 && has === total ? "all" : has > 0 ? "some" : "none";
}

/**
 * Toggles a theme on every target annotation (the toolbar's and the shortcut keys' behaviour):
 * removed when all carry it, otherwise added to all. Returns what happened and how many.
 */
export function toggleThemeOnTargets(metaDoc: Y.Doc, targets: readonly TagTarget[], themeId: string, now: Date): { added: boolean; count: number } {
  const live = listThemes(metaDoc);
  const added = themeStateOn(targets, themeId) !== "all";
  if (added && !live.some((t) => t.id === themeId)) throw new AppError("not_found", "theme_not_found");
  for (const t of targets) {
    for (const id of t.annotationIds) {
      const a = getAnnotation(t.doc, id);
      if (!a || a.deleted) throw new AppError("not_found", "annotation_not_found", { details: { annotationId: id } });
    }
  }
  let count = 0;
  for (const t of targets) {
    if (t.annotationIds.length === 0) continue;
    count += tagAnnotations(t.doc, t.annotationIds, added ? { add: [themeId] } : { remove: [themeId] }, live, now).length;
  }
  return { added, count };
}

/** The error key of a thrown value, for `themes.errors.<key>`. */
export function errorKey(e: unknown): string {
  return isAppError(e) ? e.message : "generic";
}

/** Calls `fn` after any change of the targets' annotations (someone else tags them too). */
export function observeTargets(targets: readonly TagTarget[], fn: () => void): () => void {
  const stops = [...new Set(targets.map((x) => x.doc))].map((d) => observeAnnotations(d, fn));
  return () => stops.forEach((s) => s());
}
