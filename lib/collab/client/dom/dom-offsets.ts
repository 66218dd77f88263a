/**
 * The DOM side of offsets: a point in a pane's rendered text ↔ a canonical offset. Every block's
 * text element carries `data-start`/`data-end` and holds exactly its slice of the canonical
 * text (components/reader/BlockText), so an offset inside the element plus `data-start` is the
 * canonical offset. Points outside any text element (a page marker, a label, the gap between
 * blocks) snap to the nearest text in the direction that keeps the selection inside the text.
 */
const TEXT_EL = "[data-start][data-block]";

/** The canonical offset of DOM point (node, offset) inside `root`, or null when `root` has no text. */
export function pointToCanonical(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  const host = (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest<HTMLElement>(TEXT_EL);
  if (host && root.contains(host)) {
    const r = document.createRange();
    r.setStart(host, 0);
    r.setEnd(node, offset);
    const start = Number(host.dataset.start);
    return Math.min(start + r.toString().length, Number(host.dataset.end));
  }
  // Outside text: the first text element after the point (for a start) or the last before it (for an end).
  const els = [...root.querySelectorAll<HTMLElement>(TEXT_EL)];
  if (!els.length) return null;
  const probe = document.createRange();
  probe.setStart(node, offset);
  if (edge === "start") {
    const next = els.find((el) => probe.comparePoint(el, 0) >= 0);
    return next ? Number(next.dataset.start) : Number(els[els.length - 1]!.dataset.end);
  }
  let prev: HTMLElement | undefined;
  for (const el of els) {
    if (probe.comparePoint(el, el.childNodes.length) <= 0) prev = el;
    else break;
  }
  return prev ? Number(prev.dataset.end) : Number(els[0]!.dataset.start);
}

interface NodeIndex {
  nodes: Text[];
  /** Canonical offset of each node's first code unit. */
  starts: number[];
}

/**
 * Canonical spans → StaticRanges, one per block element the span crosses (so chrome between
 * blocks, such as page markers and labels, is never painted). Text nodes of a block are indexed
 * once, lazily: the reader's text never re-renders, so the index stays valid.
 */
export class RangeBuilder {
  private readonly elements = new Map<number, HTMLElement>();
  private readonly bounds: { block: number; start: number; end: number }[] = [];
  private readonly index = new Map<number, NodeIndex>();

  constructor(root: HTMLElement) {
    for (const el of root.querySelectorAll<HTMLElement>(TEXT_EL)) {
      const block = Number(el.dataset.block);
      this.elements.set(block, el);
      this.bounds.push({ block, start: Number(el.dataset.start), end: Number(el.dataset.end) });
    }
    this.bounds.sort((a, b) => a.start - b.start);
  }

  /** Block indexes whose text intersects [start, end). */
  blocksOf(start: number, end: number): number[] {
    const out: number[] = [];
    for (let i = this.firstEndingAfter(start); i < this.bounds.length && this.bounds[i]!.start < end; i++) out.push(this.bounds[i]!.block);
    return out;
  }

  ranges(start: number, end: number): StaticRange[] {
    const out: StaticRange[] = [];
    for (let i = this.firstEndingAfter(start); i < this.bounds.length && this.bounds[i]!.start < end; i++) {
      const b = this.bounds[i]!;
      const s = Math.max(start, b.start);
      const e = Math.min(end, b.end);
      if (e <= s) continue;
      const from = this.locate(b.block, s, false);
      const to = this.locate(b.block, e, true);
      if (from && to) out.push(new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset }));
    }
    return out;
  }

  /** Blocks with text elements, in text order. */
  blockList(): readonly { block: number; start: number; end: number }[] {
    return this.bounds;
  }

  /** The element of a block (to scroll to). */
  element(block: number): HTMLElement | undefined {
    return this.elements.get(block);
  }

  /** The first block element at or after canonical offset `at`. */
  elementAt(at: number): HTMLElement | undefined {
    const b = this.bounds[this.firstEndingAfter(at)];
    return b ? this.elements.get(b.block) : undefined;
  }

  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private locate(block: number, at: number, isEnd: boolean): { node: Text; offset: number } | null {
    const idx = this.nodesOf(block);
    if (!idx.nodes.length) return null;
    let lo = 0;
    let hi = idx.nodes.length - 1;
    // The last node starting before `at` (for an end) or at/before it (for a start).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = idx.starts[mid]!;
      if (isEnd ? s < at : s <= at) lo = mid;
      else hi = mid - 1;
    }
    const node = idx.nodes[lo]!;
    return { node, offset: Math.max(0, Math.min(at - idx.starts[lo]!, node.data.length)) };
  }

  private nodesOf(block: number): NodeIndex {
    let idx = this.index.get(block);
    if (idx) return idx;
    idx = { nodes: [], starts: [] };
    const el = this.elements.get(block);
    if (el) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let at = Number(el.dataset.start);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        idx.nodes.push(n);
        idx.starts.push(at);
        at += n.data.length;
      }
    }
    this.index.set(block, idx);
    return idx;
  }
}

/** The canonical offset of the first block whose text is visible below `top` (client px) in `builder`'s pane. */
export function offsetAtTop(builder: RangeBuilder, top: number): number {
  const list = builder.blockList();
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = builder.element(list[mid]!.block);
    if (el && el.getBoundingClientRect().bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]?.start ?? 0;
}
