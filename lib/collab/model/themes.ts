/**
 * Themes of the workspace Y.Doc: create, rename, recolour, describe, nest, reorder, merge,
 * delete and restore. Entries are plain JSON, last-writer-wins per theme; every rule that
 * involves more than one entry (unique names, no cycles, children of a deleted or merged
 * theme) is checked and written in one local transaction. What concurrent edits can still
 * produce — two themes of the same name, a cycle — the views tolerate (lib/core/themes).
 */
import type * as Y from "yjs";
import { AppError } from "../../core/errors";
import { themeEntrySchema, type ThemeEntry } from "../../core/collab";
import { cleanThemeName, themeNameProblem, wouldCreateCycle, subtreeIds } from "../../core/themes";
import { newEntryId, themesMap, transactLocal } from "./structure";
import { parseEntry } from "./validate";

export interface ThemeInput {
  id?: string;
  name: string;
  colour: string;
  description?: string;
  /** A live theme to nest under; null moves to the top level; undefined keeps the current parent. */
  parentId?: string | null;
  /** Sibling order; undefined keeps the current one (a new theme goes last). */
  order?: number;
}

/**
 * Creates a theme, or changes the one with `input.id` (an unknown id creates a theme with
 * that id, as imports do). Refuses empty, overlong and taken names (`invalid_input` /
 * `conflict`), unknown parents and cycles; a deleted theme cannot be edited (`not_found`).
 */
export function upsertTheme(doc: Y.Doc, input: ThemeInput, now: Date): ThemeEntry {
  return transactLocal(doc, () => {
    const all = allThemes(doc);
    const current = input.id ? all.find((t) => t.id === input.id) : undefined;
    if (current?.deleted) throw new AppError("not_found", "theme_not_found");
    const live = all.filter((t) => !t.deleted);
    const name = cleanThemeName(input.name);
    const problem = themeNameProblem(name, live, current?.id);
    if (problem) throw new AppError(problem === "theme_name_taken" ? "conflict" : "invalid_input", problem, { details: { field: "name" } });
    const id = input.id ?? newEntryId();
    const parentId = input.parentId === undefined ? current?.parentId : (input.parentId ?? undefined);
    if (parentId !== undefined) checkParent(live, id, parentId);
    const order = input.order ?? current?.order ?? nextOrder(live, parentId);
    const at = now.toISOString();
    const description = input.description?.normalize("NFC").trim();
    const entry = parseEntry(themeEntrySchema, {
      id,
      name,
      colour: input.colour,
      ...(description ? { description } : {}),
      ...(parentId !== undefined ? { parentId } : {}),
      order,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    });
    themesMap(doc).set(entry.id, entry);
    return entry;
  });
}

/** Moves a theme under `parentId` (null: top level) at sibling position `order`. */
export function moveTheme(doc: Y.Doc, id: string, to: { parentId: string | null; order?: number }, now: Date): ThemeEntry {
  return transactLocal(doc, () => {
    const current = requireTheme(doc, id);
    const live = listThemes(doc);
    const parentId = to.parentId ?? undefined;
    if (parentId !== undefined) checkParent(live, id, parentId);
    const { parentId: _old, ...rest } = current;
    const next: ThemeEntry = { ...rest, ...(parentId !== undefined ? { parentId } : {}), order: to.order ?? nextOrder(live.filter((t) => t.id !== id), parentId), updatedAt: now.toISOString() };
    themesMap(doc).set(id, parseEntry(themeEntrySchema, next));
    return next;
  });
}

/** What `deleteTheme` changed, for `restoreTheme` (undo). */
export interface DeletedTheme {
  id: string;
  /** Children that moved up to the deleted theme's parent. */
  childIds: string[];
}

/**
 * Deletes a theme softly: annotations keep naming it (so undo brings their tags back) and the
 * views ignore a deleted theme. Its children move up to its parent in the same transaction.
 */
export function deleteTheme(doc: Y.Doc, id: string, now: Date): DeletedTheme {
  return transactLocal(doc, () => {
    const current = requireTheme(doc, id);
    const at = now.toISOString();
    const childIds = reparentChildren(doc, id, current.parentId, at);
    themesMap(doc).set(id, { ...current, deleted: true, updatedAt: at });
    return { id, childIds };
  });
}

/**
 * Undoes a delete: the theme comes back, and so do its children that nobody has moved since.
 * Refused (`conflict`) when a live theme has taken its name meanwhile, or when it was merged.
 */
export function restoreTheme(doc: Y.Doc, deleted: DeletedTheme, now: Date): ThemeEntry {
  return transactLocal(doc, () => {
    const current = allThemes(doc).find((t) => t.id === deleted.id);
    if (!current) throw new AppError("not_found", "theme_not_found");
    if (!current.deleted) return current;
    if (current.mergedInto) throw new AppError("conflict", "theme_merged");
    const live = listThemes(doc);
    if (themeNameProblem(current.name, live, current.id)) throw new AppError("conflict", "theme_name_taken");
    const at = now.toISOString();
    const { deleted: _d, ...rest } = current;
    const parentAlive = rest.parentId === undefined || live.some((t) => t.id === rest.parentId);
    const { parentId: _p, ...withoutParent } = rest;
    const restored: ThemeEntry = { ...(parentAlive ? rest : withoutParent), updatedAt: at };
    themesMap(doc).set(deleted.id, restored);
    for (const childId of deleted.childIds) {
      const child = live.find((t) => t.id === childId);
      if (child && child.parentId === current.parentId) themesMap(doc).set(childId, { ...child, parentId: deleted.id, updatedAt: at });
    }
    return restored;
  });
}

/**
 * Merges `sourceId` into `targetId` in the workspace doc: the source is deleted with
 * `mergedInto`, so every view counts annotations still naming it under the target at once;
 * its children move under the target. Retagging the annotations themselves happens in each
 * document's doc (`retagAnnotations`), by the collab server (lib/server/themes/merge-themes.ts).
 */
export function mergeThemes(doc: Y.Doc, sourceId: string, targetId: string, now: Date): ThemeEntry {
  return transactLocal(doc, () => {
    if (sourceId === targetId) throw new AppError("invalid_input", "theme_merge_into_itself");
    const source = requireTheme(doc, sourceId);
    const target = requireTheme(doc, targetId);
    const at = now.toISOString();
    let targetNow = target;
    if (subtreeIds(listThemes(doc), sourceId).has(targetId)) {
      // The target sits below the source: it takes the source's place first, so no cycle forms.
      const { parentId: _p, ...rest } = target;
      targetNow = { ...rest, ...(source.parentId ? { parentId: source.parentId } : {}), order: source.order ?? 0, updatedAt: at };
      themesMap(doc).set(targetId, targetNow);
    }
    reparentChildren(doc, sourceId, targetId, at);
    themesMap(doc).set(sourceId, { ...source, deleted: true, mergedInto: targetId, updatedAt: at });
    return targetNow;
  });
}

/** Live themes (valid entries not deleted). */
export const listThemes = (doc: Y.Doc): ThemeEntry[] => allThemes(doc).filter((t) => !t.deleted);

/** Every valid theme entry, deleted and merged ones included (to resolve annotation tags). */
export function allThemes(doc: Y.Doc): ThemeEntry[] {
  const out: ThemeEntry[] = [];
  for (const value of themesMap(doc).values()) {
    const parsed = themeEntrySchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Calls `listener` after any change of the themes only. */
export function observeThemes(doc: Y.Doc, listener: () => void): () => void {
  const map = themesMap(doc);
  const fn = () => listener();
  map.observe(fn);
  return () => map.unobserve(fn);
}

function requireTheme(doc: Y.Doc, id: string): ThemeEntry {
  const parsed = themeEntrySchema.safeParse(themesMap(doc).get(id));
  if (!parsed.success || parsed.data.deleted) throw new AppError("not_found", "theme_not_found");
  return parsed.data;
}

function checkParent(live: readonly ThemeEntry[], id: string, parentId: string): void {
  if (!live.some((t) => t.id === parentId)) throw new AppError("not_found", "theme_parent_not_found", { details: { field: "parentId" } });
  if (wouldCreateCycle(live, id, parentId)) throw new AppError("invalid_input", "theme_cycle", { details: { field: "parentId" } });
}

function nextOrder(live: readonly ThemeEntry[], parentId: string | undefined): number {
  let max = -1;
  for (const t of live) if (t.parentId === parentId && t.order !== undefined) max = Math.max(max, t.order);
  return Math.floor(max) + 1;
}

/** Moves the live children of `id` under `to` (undefined: top level); returns their ids. */
function reparentChildren(doc: Y.Doc, id: string, to: string | undefined, at: string): string[] {
  const moved: string[] = [];
  for (const child of listThemes(doc)) {
    if (child.parentId !== id || child.id === to) continue;
    const { parentId: _p, ...rest } = child;
    themesMap(doc).set(child.id, { ...rest, ...(to !== undefined ? { parentId: to } : {}), updatedAt: at });
    moved.push(child.id);
  }
  return moved;
}
