/**
 * The DOM side of offsets: a point in a pane's rendered text ↔ a canonical offset. Every block's
 * text element carries `data-start`/`data-end` and holds exactly its slice of the canonical
 * text (components/reader/BlockText), so an offset inside the element plus `data-start` is the
 * canonical offset. Points outside any text element (a page marker, a label, the gap between
 * blocks) snap to the nearest text in the direction that keeps the selection inside the text.
 */
import { unitKey } from "@/lib/core/reader";

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

/** A text element's unit key (lib/core/reader/virtual-rows): its block, and its piece when the block was cut. */
export function unitKeyOf(el: HTMLElement): number {
  return unitKey(Number(el.dataset.block), Number(el.dataset.piece ?? 0));
}

/**
 * Canonical spans → StaticRanges, one per text element the span crosses (so chrome between
 * blocks, such as page markers and labels, is never painted). The builder knows every text
 * unit of the version (`units`, rendered or not) and the elements of those rendered now;
 * `sync()` follows a virtualised reader as rows mount and unmount. Text nodes of a unit are
 * indexed once per element, lazily: a rendered unit's text never re-renders.
 */
export class RangeBuilder {
  private readonly elements = new Map<number, HTMLElement>();
  private readonly bounds: { block: number; start: number; end: number }[] = [];
  private readonly index = new Map<number, NodeIndex>();

  /** `units` default to the text elements rendered now (a reader that renders everything). */
  constructor(
    private readonly root: HTMLElement,
    units?: readonly { key: number; start: number; end: number }[],
  ) {
    for (const el of root.querySelectorAll<HTMLElement>(TEXT_EL)) this.elements.set(unitKeyOf(el), el);
    if (units) for (const u of units) this.bounds.push({ block: u.key, start: u.start, end: u.end });
    else for (const [key, el] of this.elements) this.bounds.push({ block: key, start: Number(el.dataset.start), end: Number(el.dataset.end) });
    this.bounds.sort((a, b) => a.start - b.start);
  }

  /** Re-reads which text elements are rendered; returns the unit keys that appeared, went or were replaced. */
  sync(): number[] {
    const seen = new Map<number, HTMLElement>();
    for (const el of this.root.querySelectorAll<HTMLElement>(TEXT_EL)) seen.set(unitKeyOf(el), el);
    const changed: number[] = [];
    for (const [key, el] of this.elements) if (seen.get(key) !== el) changed.push(key);
    for (const key of seen.keys()) if (!this.elements.has(key)) changed.push(key);
    for (const key of changed) {
      this.index.delete(key);
      const el = seen.get(key);
      if (el) this.elements.set(key, el);
      else this.elements.delete(key);
    }
    return changed;
  }

  /** Whether a unit's text element is rendered. */
  rendered(key: number): boolean {
    return this.elements.has(key);
  }

  /** Unit keys (a block's, or a piece's) whose text intersects [start, end). */
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

  /** All units, in text order. */
  blockList(): readonly { block: number; start: number; end: number }[] {
    return this.bounds;
  }

  /** The element of a unit, when rendered. */
  element(block: number): HTMLElement | undefined {
    return this.elements.get(block);
  }

  /** The first rendered unit element at or after canonical offset `at`, when that unit is rendered. */
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
  // Only rendered units can be measured; the top of the viewport is always among them.
  const list = builder.blockList().filter((b) => builder.rendered(b.block));
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
