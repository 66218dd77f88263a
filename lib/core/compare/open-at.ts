import { MAX_PANES, parseViewState, serialiseViewState } from "./view-state";

/**
 * The compare view's query string that shows `documentId` at canonical offset `at`, starting from
 * the view `current` (a compare query string, possibly empty): a pane already showing the
 * document is reused and moved to `at`; else the document opens beside the others (the last pane
 * is replaced when the view is full). `q`, when given, asks the panes to mark a search's hits.
 */
export function openAtQuery(current: string, documentId: string, at: number, q = ""): string {
  const state = parseViewState(new URLSearchParams(current));
  const documents = [...state.documents];
  const positions = [...state.positions];
  let i = documents.indexOf(documentId);
  if (i < 0) {
    if (documents.length >= MAX_PANES) {
      documents.pop();
      positions.pop();
    }
    documents.push(documentId);
    positions.push(0);
    i = documents.length - 1;
  }
  positions[i] = Math.max(0, Math.round(at));
  const query = serialiseViewState({ ...state, documents, positions, focus: null });
  return q.trim() ? `${query}&q=${encodeURIComponent(q.trim())}` : query;
}
