import type { Block } from "../text/types";

/**
 * What the reader renders, in text order: single blocks, and runs of blocks that
 * belong in one container (consecutive list items in one list, consecutive glossary
 * blocks in one box). Each item also says on which page it starts when that page
 * differs from the previous block's, so the margin shows "p. N" only at changes.
 */
export type LayoutItem =
  | { kind: "block"; block: number; pageBreak?: number }
  | { kind: "list" | "glossary"; blocks: number[]; pageBreak?: number; pageBreaks: Record<number, number> };

/**
 * Pages at which a block starts a new page: block index → page number. The first
 * block with a page gets a marker too (a paper excerpt may start on p. 12), and
 * blocks without a page never do.
 */
export function pageBreaks(blocks: readonly Block[]): Map<number, number> {
  const out = new Map<number, number>();
  let current: number | undefined;
  blocks.forEach((b, i) => {
    if (b.page === undefined || b.page === current) return;
    current = b.page;
    out.set(i, b.page);
  });
  return out;
}

/** Groups blocks for rendering; see `LayoutItem`. */
export function layoutBlocks(blocks: readonly Block[]): LayoutItem[] {
  const breaks = pageBreaks(blocks);
  const items: LayoutItem[] = [];
  blocks.forEach((b, i) => {
    const pageBreak = breaks.get(i);
    const last = items[items.length - 1];
    const groupKind = b.kind === "list_item" ? "list" : b.kind === "glossary" ? "glossary" : null;
    if (groupKind && last && last.kind === groupKind) {
      last.blocks.push(i);
      // A page change inside a run is shown at the item, not before the whole run.
      if (pageBreak !== undefined) last.pageBreaks[i] = pageBreak;
      return;
    }
    if (groupKind) {
      items.push({ kind: groupKind, blocks: [i], pageBreaks: {}, ...(pageBreak !== undefined ? { pageBreak } : {}) });
      return;
    }
    items.push({ kind: "block", block: i, ...(pageBreak !== undefined ? { pageBreak } : {}) });
  });
  return items;
}
