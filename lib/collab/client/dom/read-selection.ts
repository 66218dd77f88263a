/**
 * The reader selection as the compare view sees it: which pane, which canonical range (trimmed
 * and checked by the pure core), or why it cannot be annotated.
 */
import { checkSelection, type SelectionProblem } from "@/lib/core/compare";
import { pointToCanonical, unitKeyOf } from "./dom-offsets";
import type { HighlightPainter } from "./highlight-painter";

/** What selection reading needs of a pane: its rendered text and the text's canonical string. */
export interface TextPane {
  article: HTMLElement;
  data: { version: { text: string } };
}

export type SelectionInfo<P extends TextPane = TextPane> =
  | { ok: true; pane: P; start: number; end: number; rect: DOMRect }
  | { ok: false; pane: P | null; problem: SelectionProblem; length?: number; rect: DOMRect };

/** The window's selection as a canonical range of one pane's text, or why it cannot be annotated. */
export function readSelection<P extends TextPane>(panes: P[]): SelectionInfo<P> | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const hit = panes.filter((p) => range.intersectsNode(p.article));
  if (hit.length === 0) return null;
  if (hit.length > 1) return { ok: false, pane: null, problem: "across_panes", rect };
  const pane = hit[0]!;
  const a = pane.article;
  // An end outside the text (the pane header, another column) is clamped to the text's edge.
  const start = a.contains(range.startContainer) ? pointToCanonical(a, range.startContainer, range.startOffset, "start") : pointToCanonical(a, a, 0, "start");
  const end = a.contains(range.endContainer) ? pointToCanonical(a, range.endContainer, range.endOffset, "end") : pointToCanonical(a, a, a.childNodes.length, "end");
  if (start === null || end === null) return { ok: false, pane, problem: "outside_text", rect };
  const checked = checkSelection(pane.data.version.text, start, end);
  if (!checked.ok) return { ok: false, pane, problem: checked.problem, ...(checked.length ? { length: checked.length } : {}), rect };
  return { ok: true, pane, start: checked.start, end: checked.end, rect };
}

/** The annotations under a point in a pane, innermost first; empty unless the point is on painted text. */
export function annotationsAtPoint(pane: { article: HTMLElement; painter: HighlightPainter | null }, x: number, y: number): string[] {
  if (!pane.painter) return [];
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  let node: Node | null = null;
  let offset = 0;
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) {
    node = pos.offsetNode;
    offset = pos.offset;
  } else {
    const r = document.caretRangeFromPoint?.(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node || !pane.article.contains(node)) return [];
  const host = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>("[data-block][data-start]");
  if (!host) return [];
  const at = pointToCanonical(pane.article, node, offset, "start");
  if (at === null) return [];
  const block = unitKeyOf(host);
  // The caret lands between characters: try the character after it, then the one before.
  for (const probe of [at, at - 1]) {
    const hits = pane.painter.idsAt(probe, block).filter((id) => pane.painter!.covers(id, x, y));
    if (hits.length) return hits;
  }
  return [];
}
