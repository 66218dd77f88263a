/**
 * The compare view's state as it lives in the URL, so that a shared link reopens the same
 * panes at the same places with the same annotation in focus:
 *
 *   ?d=<docId>,<docId>…   documents, left to right (1..4; repeated `d=` from a plain GET form too)
 *   &at=<n>,<n>…          per pane, the canonical offset at the top of the pane (0 = start)
 *   &focus=<annotationId> the annotation whose card is open
 *   &sync=1               scroll the panes together
 *
 * Positions are canonical text offsets, not pixels, so the link works on any screen size.
 */
export const MAX_PANES = 4;

export interface CompareViewState {
  documents: string[];
  /** One entry per document; 0 when unknown. */
  positions: number[];
  focus: string | null;
  sync: boolean;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function all(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const v = params[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Parses the view from search params. Bad pieces are dropped, never thrown: a link that was
 * cut or edited by hand still opens what it can. Returns `dropped` > 0 when documents beyond
 * the maximum (or duplicates) were left out, so the page can say so.
 */
export function parseViewState(params: Params): CompareViewState & { dropped: number } {
  const raw = all(params, "d").flatMap((v) => v.split(",")).map((s) => s.trim()).filter((s) => ID.test(s));
  const unique = [...new Set(raw)];
  const documents = unique.slice(0, MAX_PANES);
  const at = (all(params, "at")[0] ?? "").split(",");
  const positions = documents.map((_, i) => {
    const n = Number(at[i]);
    return Number.isInteger(n) && n >= 0 && n < 1e9 ? n : 0;
  });
  const f = all(params, "focus")[0];
  return { documents, positions, focus: f && ID.test(f) ? f : null, sync: all(params, "sync")[0] === "1", dropped: raw.length - documents.length };
}

/** The query string (without "?") of a view; empty parts are left out so links stay short. */
export function serialiseViewState(state: CompareViewState): string {
  const parts: string[] = [];
  if (state.documents.length) parts.push(`d=${state.documents.map(encodeURIComponent).join(",")}`);
  if (state.positions.some((p) => p > 0)) parts.push(`at=${state.documents.map((_, i) => Math.max(0, Math.round(state.positions[i] ?? 0))).join(",")}`);
  if (state.focus) parts.push(`focus=${encodeURIComponent(state.focus)}`);
  if (state.sync) parts.push("sync=1");
  return parts.join("&");
}

/** Moves pane `from` to index `to`, carrying its position along. */
export function movePane(state: CompareViewState, from: number, to: number): CompareViewState {
  if (from === to || from < 0 || to < 0 || from >= state.documents.length || to >= state.documents.length) return state;
  const docs = [...state.documents];
  const pos = [...state.positions];
  const [d] = docs.splice(from, 1);
  const [p] = pos.splice(from, 1);
  docs.splice(to, 0, d!);
  pos.splice(to, 0, p ?? 0);
  return { ...state, documents: docs, positions: pos };
}

/** Closes pane `index`. */
export function closePane(state: CompareViewState, index: number): CompareViewState {
  return { ...state, documents: state.documents.filter((_, i) => i !== index), positions: state.positions.filter((_, i) => i !== index) };
}

/** Opens `documentId` as the last pane (no-op when it is open or the view is full). */
export function addPane(state: CompareViewState, documentId: string): CompareViewState {
  if (state.documents.includes(documentId) || state.documents.length >= MAX_PANES || !ID.test(documentId)) return state;
  return { ...state, documents: [...state.documents, documentId], positions: [...state.positions, 0] };
}
