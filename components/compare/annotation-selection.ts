/**
 * The compare view's multi-selection of annotations (#6: tag several at once), as pure state:
 * document id → selected annotation ids, plus the checkbox last clicked (the anchor of a
 * Shift-click range). Every change makes new maps and sets, so it can be React state; a change
 * that changes nothing returns the state itself, so React skips the render.
 */

/** documentId → the ids selected in that document. Documents with nothing selected are absent. */
export type AnnotationSelection = ReadonlyMap<string, ReadonlySet<string>>;

export interface SelectionAnchor {
  documentId: string;
  annotationId: string;
}

export interface SelectionState {
  selection: AnnotationSelection;
  /** The checkbox last clicked: Shift-click selects from it. */
  anchor: SelectionAnchor | null;
}

export type SelectionAction =
  /** A row's checkbox; `order` is the list as shown (filters applied), where a Shift range is taken. */
  | { type: "click"; documentId: string; annotationId: string; order: readonly string[]; shift: boolean }
  /** "Select all shown" and its reverse. */
  | { type: "set"; documentId: string; annotationIds: readonly string[]; on: boolean }
  /** Ctrl/Cmd-click on a highlight. */
  | { type: "toggle"; documentId: string; annotationId: string }
  | { type: "clear" }
  /** Drops what no longer exists: deleted annotations (here or remotely), closed panes. */
  | { type: "prune"; exists: (documentId: string, annotationId: string) => boolean };

export const EMPTY_SELECTION: SelectionState = { selection: new Map(), anchor: null };

export function isSelected(selection: AnnotationSelection, documentId: string, annotationId: string): boolean {
  return selection.get(documentId)?.has(annotationId) ?? false;
}

/** How many annotations are selected, and in how many documents. */
export function selectionSize(selection: AnnotationSelection): { annotations: number; documents: number } {
  let annotations = 0;
  for (const ids of selection.values()) annotations += ids.size;
  return { annotations, documents: selection.size };
}

/** Whether all, some or none of `annotationIds` (a list as shown) are selected: the header checkbox. */
export function shownState(selection: AnnotationSelection, documentId: string, annotationIds: readonly string[]): "all" | "some" | "none" {
  const ids = selection.get(documentId);
  if (!ids || annotationIds.length === 0) return "none";
  let n = 0;
  for (const id of annotationIds) if (ids.has(id)) n++;
  return n === 0 ? "none" : n === annotationIds.length ? "all" : "some";
}

/** Selects (`on`) or unselects `annotationIds` of one document; the same object when nothing changes. */
export function setSelected(selection: AnnotationSelection, documentId: string, annotationIds: Iterable<string>, on: boolean): AnnotationSelection {
  const before = selection.get(documentId);
  const ids = new Set(before);
  for (const id of annotationIds) {
    if (on) ids.add(id);
    else ids.delete(id);
  }
  if (ids.size === (before?.size ?? 0) && [...ids].every((id) => before?.has(id))) return selection;
  const next = new Map(selection);
  if (ids.size > 0) next.set(documentId, ids);
  else next.delete(documentId);
  return next;
}

/**
 * The ids from `from` to `to` (both included, either direction) in `order`; just `to` when `from`
 * is not listed (filtered out or deleted since), so a stale anchor never selects a surprise range.
 */
export function rangeOf(order: readonly string[], from: string, to: string): string[] {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return order.slice(Math.min(a, b), Math.max(a, b) + 1);
}

export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  switch (action.type) {
    case "click": {
      const { documentId, annotationId } = action;
      // The range takes the state the clicked box is going to: Shift-clicking a ticked box unticks the range.
      const on = !isSelected(state.selection, documentId, annotationId);
      const ids = action.shift && state.anchor?.documentId === documentId ? rangeOf(action.order, state.anchor.annotationId, annotationId) : [annotationId];
      return { selection: setSelected(state.selection, documentId, ids, on), anchor: { documentId, annotationId } };
    }
    case "set": {
      const selection = setSelected(state.selection, action.documentId, action.annotationIds, action.on);
      return selection === state.selection ? state : { selection, anchor: null };
    }
    case "toggle": {
      const on = !isSelected(state.selection, action.documentId, action.annotationId);
      return { selection: setSelected(state.selection, action.documentId, [action.annotationId], on), anchor: { documentId: action.documentId, annotationId: action.annotationId } };
    }
    case "clear":
      return state.selection.size === 0 && !state.anchor ? state : EMPTY_SELECTION;
    case "prune": {
      const selection = pruneSelection(state.selection, action.exists);
      return selection === state.selection ? state : { selection, anchor: state.anchor };
    }
  }
}

/** Keeps only what `exists`; the same object when everything still does. */
export function pruneSelection(selection: AnnotationSelection, exists: (documentId: string, annotationId: string) => boolean): AnnotationSelection {
  let next: Map<string, ReadonlySet<string>> | null = null;
  for (const [documentId, ids] of selection) {
    const kept = [...ids].filter((id) => exists(documentId, id));
    if (kept.length === ids.size) continue;
    next ??= new Map(selection);
    if (kept.length > 0) next.set(documentId, new Set(kept));
    else next.delete(documentId);
  }
  return next ?? selection;
}
