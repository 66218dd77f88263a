/**
 * Tagging annotations with themes, for the selection toolbar, the annotation card and bulk
 * tagging of several selected annotations. Themes live in the workspace doc, annotations in
 * each document's doc, so the caller passes the workspace's live themes: a theme deleted a
 * moment ago (someone else's delete already synced) is refused with `theme_not_found`. A
 * delete that crosses the tag on the wire leaves the annotation naming a deleted theme, which
 * every view ignores and an undo of the delete brings back — the state stays consistent.
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import { annotationEntrySchema, COLLAB_LIMITS, type AnnotationEntry } from "../../core/collab";
import { annotationsMap, transactLocal } from "./structure";
import { parseEntry } from "./validate";

export interface TagChange {
  add?: readonly string[];
  remove?: readonly string[];
}

/**
 * Adds and removes themes on every annotation of `ids` (one document's doc), all or nothing:
 * an unknown or deleted annotation refuses the whole change (`annotation_not_found`, with the
 * id in `details`). `liveThemes` are the workspace's live themes (listThemes of the meta doc).
 */
export function tagAnnotations(doc: Y.Doc, ids: readonly string[], change: TagChange, liveThemes: readonly { id: string }[], now: Date): AnnotationEntry[] {
  const live = new Set(liveThemes.map((t) => t.id));
  for (const t of change.add ?? []) if (!live.has(t)) throw new AppError("not_found", "theme_not_found", { details: { themeId: t } });
  const remove = new Set(change.remove ?? []);
  return transactLocal(doc, () => {
    const current = [...new Set(ids)].map((id) => {
      const parsed = annotationEntrySchema.safeParse(annotationsMap(doc).get(id));
      if (!parsed.success || parsed.data.deleted) throw new AppError("not_found", "annotation_not_found", { details: { annotationId: id } });
      return parsed.data;
    });
    const at = now.toISOString();
    const next = current.map((a) => {
      const themeIds = [...new Set([...a.themeIds.filter((t) => !remove.has(t)), ...(change.add ?? [])])];
      if (themeIds.length > COLLAB_LIMITS.themesPerAnnotation) throw new AppError("invalid_input", "too_many_themes", { details: { annotationId: a.id } });
      return parseEntry(annotationEntrySchema, { ...a, themeIds, updatedAt: at });
    });
    for (const a of next) annotationsMap(doc).set(a.id, a);
    return next;
  });
}

/**
 * Toggles one theme on a set of annotations the way a toolbar button does: when every
 * annotation already has it, it is removed from all; otherwise added to all.
 */
export function toggleTheme(doc: Y.Doc, ids: readonly string[], themeId: string, liveThemes: readonly { id: string }[], now: Date): { added: boolean; entries: AnnotationEntry[] } {
  const all = ids.every((id) => {
    const parsed = annotationEntrySchema.safeParse(annotationsMap(doc).get(id));
    return parsed.success && parsed.data.themeIds.includes(themeId);
  });
  const added = !all;
  return { added, entries: tagAnnotations(doc, ids, added ? { add: [themeId] } : { remove: [themeId] }, added ? liveThemes : [], now) };
}

/**
 * Replaces theme `fromId` with `toId` on every annotation of the doc, deleted ones included
 * (so undoing an annotation's delete brings it back with the merged theme). Returns how many
 * live annotations changed. Idempotent: running it twice changes nothing the second time.
 */
export function retagAnnotations(doc: Y.Doc, fromId: string, toId: string, now: Date): number {
  return transactLocal(doc, () => {
    let changed = 0;
    const at = now.toISOString();
    for (const [key, value] of annotationsMap(doc).entries()) {
      const parsed = annotationEntrySchema.safeParse(value);
      if (!parsed.success || !parsed.data.themeIds.includes(fromId)) continue;
      const themeIds = [...new Set(parsed.data.themeIds.map((t) => (t === fromId ? toId : t)))];
      annotationsMap(doc).set(key, { ...parsed.data, themeIds, updatedAt: at });
      if (!parsed.data.deleted) changed++;
    }
    return changed;
  });
}

/** How many live annotations of the doc name each theme. */
export function themeUsage(doc: Y.Doc): Map<string, number> {
  const out = new Map<string, number>();
  for (const value of annotationsMap(doc).values()) {
    const parsed = annotationEntrySchema.safeParse(value);
    if (!parsed.success || parsed.data.deleted) continue;
    for (const t of parsed.data.themeIds) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}
