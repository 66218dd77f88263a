import type { Block } from "../text/types";
import { layoutBlocks, type LayoutItem } from "./layout-blocks";

/**
 * The rows a virtualised reader renders (docs/long-documents.md). A row is one layout item
 * (a block, a list, a glossary box), except that a standalone block longer than a piece is
 * cut into several rows: a 200,000-character paragraph has no block boundary to virtualise
 * on, and rendering it whole costs a long task every time it enters the window.
 *
 * Every row holds one or more text units: a unit is the span of text one element renders
 * (`data-start`/`data-end`), a whole block or a piece of one. Unit keys are stable numbers
 * (`block * PIECE_STRIDE + piece`) the highlight painter files its ranges under.
 */
export const PIECE_STRIDE = 65_536;
/** Below this a block is never cut; pieces of a longer one are at most twice this. */
export const PIECE_CHARS = 2_000;

export interface TextUnit {
  key: number;
  block: number;
  piece: number;
  start: number;
  end: number;
}

export interface VirtualRow {
  item: LayoutItem;
  /** Units of the row, in text order (one, except for lists and glossary boxes). */
  units: TextUnit[];
  /** The piece's position when the row is a piece of a cut block: the first piece has none. */
  piece?: { index: number; last: boolean };
}

export interface RowModel {
  rows: VirtualRow[];
  /** All units, sorted by start: the painter's map of the whole text, rendered or not. */
  units: TextUnit[];
  /** Row index of each unit key. */
  rowOfKey: Map<number, number>;
  /** Row index of a block's first unit, by block index. */
  rowOfBlock: number[];
}

const SENTENCE_END = new Set([..."。．.!?！？\n"].map((c) => c.charCodeAt(0)));

export const unitKey = (block: number, piece = 0): number => block * PIECE_STRIDE + piece;

/** Cuts [start, end) of `text` into pieces of about `size` code units: after a sentence end when one is near, never inside a surrogate pair or a footnote marker, nor just before one. */
export function splitBlock(text: string, block: Pick<Block, "start" | "end" | "footnoteRefs">, size = PIECE_CHARS): { start: number; end: number }[] {
  const len = block.end - block.start;
  // A 10 MB paragraph stays under PIECE_STRIDE pieces.
  const step = Math.max(size, Math.ceil(len / (PIECE_STRIDE - 1)));
  if (len <= step * 1.5) return [{ start: block.start, end: block.end }];
  const refs = block.footnoteRefs ?? [];
  const bad = (at: number) => {
    const c = text.charCodeAt(at);
    // The character before a marker is glued to it on one line (BlockText), so not at ref.start - 1 either.
    return (c >= 0xdc00 && c <= 0xdfff) || refs.some((r) => at > r.start - 2 && at < r.end);
  };
  const out: { start: number; end: number }[] = [];
  let from = block.start;
  while (block.end - from > step * 1.5) {
    const ideal = from + step;
    let cut = -1;
    // A sentence end within the last quarter before the ideal cut, else the ideal cut itself.
    for (let at = ideal; at > ideal - step / 4; at--) {
      if (SENTENCE_END.has(text.charCodeAt(at - 1)) && !bad(at)) {
        cut = at;
        break;
      }
    }
    if (cut < 0) for (cut = ideal; cut < block.end - 1 && bad(cut); cut++);
    out.push({ start: from, end: cut });
    from = cut;
  }
  out.push({ start: from, end: block.end });
  return out;
}

/** The rows and units of a version's text (see the module comment). */
export function buildRows(text: string, blocks: readonly Block[], size = PIECE_CHARS): RowModel {
  const rows: VirtualRow[] = [];
  const units: TextUnit[] = [];
  const rowOfBlock: number[] = new Array(blocks.length).fill(0);
  for (const item of layoutBlocks(blocks)) {
    if (item.kind !== "block") {
      const row = rows.length;
      const us = item.blocks.map((b) => ({ key: unitKey(b), block: b, piece: 0, start: blocks[b]!.start, end: blocks[b]!.end }));
      item.blocks.forEach((b) => (rowOfBlock[b] = row));
      units.push(...us);
      rows.push({ item, units: us });
      continue;
    }
    const b = blocks[item.block]!;
    rowOfBlock[item.block] = rows.length;
    const pieces = b.kind === "paragraph" || b.kind === "note" ? splitBlock(text, b, size) : [{ start: b.start, end: b.end }];
    pieces.forEach((p, i) => {
      const unit = { key: unitKey(item.block, i), block: item.block, piece: i, start: p.start, end: p.end };
      units.push(unit);
      rows.push({ item, units: [unit], ...(pieces.length > 1 ? { piece: { index: i, last: i === pieces.length - 1 } } : {}) });
    });
  }
  const rowOfKey = new Map<number, number>();
  rows.forEach((r, i) => r.units.forEach((u) => rowOfKey.set(u.key, i)));
  units.sort((a, b) => a.start - b.start || a.key - b.key);
  return { rows, units, rowOfKey, rowOfBlock };
}

/** Index into `units` (sorted by start) of the first unit ending after `offset`; `units.length` when none does. */
export function firstUnitEndingAfter(units: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (units[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The row holding canonical offset `at` (the last row for an offset past the text). */
export function rowOfOffset(model: RowModel, at: number): number {
  if (model.rows.length === 0) return 0;
  const u = model.units[Math.min(firstUnitEndingAfter(model.units, at), model.units.length - 1)];
  return u ? (model.rowOfKey.get(u.key) ?? 0) : 0;
}

/** What a height estimate needs of the page: measured once per pane, refined by real measurements. */
export interface TextMetrics {
  /** Characters per line at the text's width (a full-width character counts 1, ASCII ½). */
  charsPerLine: number;
  lineHeight: number;
  /** Space between rows and per list item. */
  gap: number;
}

/** An estimated height of a row before it was ever rendered; ~10% off is fine, the row is measured on render. */
export function estimateRowHeight(text: string, row: VirtualRow, m: TextMetrics): number {
  let h = m.gap;
  for (const u of row.units) {
    let width = 0;
    // Sampling keeps this O(1) per unit even for a 200,000-character piece.
    const len = u.end - u.start;
    const stride = Math.max(1, Math.floor(len / 200));
    for (let i = u.start; i < u.end; i += stride) width += text.charCodeAt(i) < 0x2e80 ? 0.55 : 1;
    width *= stride;
    h += Math.max(1, Math.ceil(width / Math.max(1, m.charsPerLine))) * m.lineHeight + (row.units.length > 1 ? m.gap / 3 : 0);
  }
  return Math.round(h);
}

/**
 * Whether a version is long enough to virtualise. Shorter ones render whole: every block stays
 * in the DOM for the browser's own find and for assistive technology, at a cost that is small.
 */
export function isLongText(charCount: number, blockCount: number): boolean {
  return charCount > 100_000 || blockCount > 1_000;
}
