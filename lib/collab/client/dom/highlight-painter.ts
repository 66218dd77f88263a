/**
 * Paints a pane's annotations with the CSS Custom Highlight API: the text's DOM is never
 * touched, so thousands of highlights cost ranges, not elements. One Highlight per colour and
 * pane, one overlap layer (stretches under two or more annotations are underlined, so
 * same-coloured overlaps stay visible), one focus layer and one layer per remote user's
 * selection. Updates are incremental: adding or removing one annotation touches its ranges and
 * the overlap layer of the blocks it crosses, nothing else.
 */
import { colourKey, overlapSpans, rgbTriplet, spansAt } from "@/lib/core/compare";
import { RangeBuilder } from "./dom-offsets";

export interface PaintSpec {
  colour: string;
  start: number;
  end: number;
  /** A second colour, painted as a wavy underline (a passage with several themes when colouring by theme). */
  second?: string | undefined;
}

interface Painted extends PaintSpec {
  ranges: StaticRange[];
  blocks: number[];
}

/** The registry is per page; names carry the pane's key so panes never collide. */
const registry = (): HighlightRegistry | null => (typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null);

export function highlightsSupported(): boolean {
  return registry() !== null;
}

export class HighlightPainter {
  readonly builder: RangeBuilder;
  private readonly painted = new Map<string, Painted>();
  private readonly byColour = new Map<string, Highlight>();
  private readonly bySecond = new Map<string, Highlight>();
  private readonly byBlock = new Map<number, Set<string>>();
  private readonly overlapRanges = new Map<number, StaticRange[]>();
  private readonly overlap: Highlight;
  private readonly deep: Highlight;
  private readonly focus: Highlight;
  private readonly selections = new Map<string, Highlight>();
  private readonly previews: Highlight[] = [];
  /** The snapshot's spans (start, end, layer) by the unit they cross, and the ranges painted for each unit. */
  private readonly previewSpans = new Map<number, number[]>();
  private readonly previewRanges = new Map<number, [Highlight, StaticRange][]>();
  private focusSpan: { start: number; end: number } | null = null;
  private selectionList: { colour: string; start: number; end: number }[] = [];
  private readonly listeners = new Set<(changed: number[]) => void>();
  /** How many `sync()` calls changed something: a version for `useSyncExternalStore`. */
  syncs = 0;
  private readonly style: HTMLStyleElement;
  private readonly names: string[] = [];

  /** `units`: every text unit of the version when the reader is virtualised (see RangeBuilder). */
  constructor(
    root: HTMLElement,
    private readonly key: string,
    units?: readonly { key: number; start: number; end: number }[],
  ) {
    this.builder = new RangeBuilder(root, units);
    this.style = document.createElement("style");
    this.style.dataset.painter = key;
    document.head.append(this.style);
    this.overlap = this.layer(`${key}-overlap`, 5, "text-decoration: underline 2px rgb(31 35 40 / 0.6); text-underline-offset: 0.28em;");
    this.deep = this.layer(`${key}-deep`, 6, "text-decoration: underline 3px double rgb(31 35 40 / 0.75); text-underline-offset: 0.28em;");
    // The focused annotation keeps its colour underneath; the focus adds a tint and a thick rule.
    this.focus = this.layer(`${key}-focus`, 20, "background-color: rgb(47 93 138 / 0.16); text-decoration: underline 3px rgb(47 93 138); text-underline-offset: 0.3em;");
  }

  /** Paints or repaints one annotation; a span outside the text paints nothing. */
  set(id: string, spec: PaintSpec): void {
    const old = this.painted.get(id);
    if (old && old.colour === spec.colour && old.second === spec.second && old.start === spec.start && old.end === spec.end) return;
    const touched = new Set<number>();
    this.paintOne(id, spec, touched);
    this.refreshOverlap(touched);
  }

  /**
   * Follows the reader's rendered rows: everything painted on a unit that appeared, went or was
   * re-rendered gets fresh ranges (annotations, the snapshot, focus, remote selections); the
   * rest of the pane is left alone. Listeners (search marks, name tags, connectors) hear which.
   */
  sync(): void {
    const changed = this.builder.sync();
    if (!changed.length) return;
    const units = new Set(changed);
    const touched = new Set<number>(changed);
    const ids = new Set<string>();
    for (const u of changed) for (const id of this.byBlock.get(u) ?? []) ids.add(id);
    for (const id of ids) {
      const { colour, start, end, second } = this.painted.get(id)!;
      this.paintOne(id, { colour, start, end, second }, touched);
    }
    this.refreshOverlap(touched);
    for (const u of changed) {
      for (const [hl, r] of this.previewRanges.get(u) ?? []) hl.delete(r);
      this.previewRanges.delete(u);
      const spans = this.previewSpans.get(u);
      if (spans) this.paintPreview(u, spans);
    }
    const crosses = (sp: { start: number; end: number }) => this.builder.blocksOf(sp.start, sp.end).some((u) => units.has(u));
    if (this.focusSpan && crosses(this.focusSpan)) this.setFocus(this.focusSpan);
    if (this.selectionList.some(crosses)) this.setSelections(this.selectionList);
    this.syncs++;
    for (const fn of this.listeners) fn(changed);
  }

  /** Called after each `sync()` that changed something, with the unit keys that did. */
  subscribe(fn: (changed: number[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Replaces one annotation's ranges in its layers; the caller refreshes overlaps of `touched` once. */
  private paintOne(id: string, spec: PaintSpec, touched: Set<number>): void {
    const old = this.painted.get(id);
    if (old) this.unpaint(id, old, touched);
    const ranges = this.builder.ranges(spec.start, spec.end);
    const blocks = this.builder.blocksOf(spec.start, spec.end);
    const hl = this.colourLayer(spec.colour);
    for (const r of ranges) hl.add(r);
    if (spec.second) for (const r of ranges) this.secondLayer(spec.second).add(r);
    for (const b of blocks) {
      let set = this.byBlock.get(b);
      if (!set) this.byBlock.set(b, (set = new Set()));
      set.add(id);
      touched.add(b);
    }
    this.painted.set(id, { ...spec, ranges, blocks });
  }

  remove(id: string): void {
    const old = this.painted.get(id);
    if (!old) return;
    const touched = new Set<number>();
    this.unpaint(id, old, touched);
    this.refreshOverlap(touched);
  }

  has(id: string): boolean {
    return this.painted.has(id);
  }

  /** Everything at once (first paint): one overlap computation per block instead of one per annotation. */
  setAll(specs: Iterable<[string, PaintSpec]>): void {
    const touched = new Set<number>();
    for (const [id, spec] of specs) this.paintOne(id, spec, touched);
    this.refreshOverlap(touched);
  }

  /**
   * Paints the server's snapshot ([start, end, colour index, …]) in layers of its own, so the
   * live annotations can replace it wholesale with `clearPreview()` once the Y.Doc has synced.
   */
  preview(colours: string[], spans: number[]): void {
    const layers = colours.map((c, i) => this.layer(`${this.key}-pv${i}`, 1, `background-color: rgb(${rgbTriplet(c)} / 0.32);`));
    this.previews.push(...layers);
    for (let i = 0; i + 2 < spans.length; i += 3) {
      for (const u of this.builder.blocksOf(spans[i]!, spans[i + 1]!)) {
        let list = this.previewSpans.get(u);
        if (!list) this.previewSpans.set(u, (list = []));
        list.push(spans[i]!, spans[i + 1]!, spans[i + 2]!);
      }
    }
    for (const [u, list] of this.previewSpans) if (this.builder.rendered(u)) this.paintPreview(u, list);
  }

  private paintPreview(unit: number, spans: number[]): void {
    const out: [Highlight, StaticRange][] = [];
    for (let i = 0; i + 2 < spans.length; i += 3) {
      const hl = this.previews[spans[i + 2]!];
      if (!hl) continue;
      for (const r of this.builder.ranges(spans[i]!, spans[i + 1]!)) {
        if (!this.inBlock(r, unit)) continue;
        hl.add(r);
        out.push([hl, r]);
      }
    }
    this.previewRanges.set(unit, out);
  }

  clearPreview(): void {
    for (const hl of this.previews) hl.clear();
    this.previewSpans.clear();
    this.previewRanges.clear();
  }

  /** The annotations under canonical offset `at`, innermost first. */
  idsAt(at: number, block: number): string[] {
    const ids = this.byBlock.get(block);
    if (!ids) return [];
    const spans = [...ids].map((id) => ({ id, ...this.painted.get(id)! }));
    return spansAt(spans, at).map((s) => s.id);
  }

  /** Whether the client point (x, y) is over the painted text of `id`. */
  covers(id: string, x: number, y: number): boolean {
    const p = this.painted.get(id);
    if (!p) return false;
    for (const r of p.ranges) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      for (const rect of live.getClientRects()) if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
    }
    return false;
  }

  setFocus(span: { start: number; end: number } | null): void {
    this.focusSpan = span;
    this.focus.clear();
    if (span) for (const r of this.builder.ranges(span.start, span.end)) this.focus.add(r);
  }

  /** Replaces the remote selections: one layer per colour. */
  setSelections(list: { colour: string; start: number; end: number }[]): void {
    this.selectionList = list;
    for (const hl of this.selections.values()) hl.clear();
    for (const s of list) {
      const hex = s.colour.slice(1).toLowerCase();
      let hl = this.selections.get(hex);
      if (!hl) {
        hl = this.layer(`${this.key}-sel-${hex}`, 10, `background-color: rgb(${rgbTriplet(s.colour)} / 0.22); text-decoration: underline 2px ${s.colour};`);
        this.selections.set(hex, hl);
      }
      for (const r of this.builder.ranges(s.start, s.end)) hl.add(r);
    }
  }

  destroy(): void {
    const reg = registry();
    for (const n of this.names) reg?.delete(n);
    this.style.remove();
  }

  private unpaint(id: string, old: Painted, touched: Set<number>): void {
    const hl = this.byColour.get(old.colour.toLowerCase());
    for (const r of old.ranges) hl?.delete(r);
    const second = old.second ? this.bySecond.get(old.second.toLowerCase()) : undefined;
    if (second) for (const r of old.ranges) second.delete(r);
    for (const b of old.blocks) {
      this.byBlock.get(b)?.delete(id);
      touched.add(b);
    }
    this.painted.delete(id);
  }

  private refreshOverlap(blocks: Set<number>): void {
    for (const b of blocks) {
      for (const r of this.overlapRanges.get(b) ?? []) {
        this.overlap.delete(r);
        this.deep.delete(r);
      }
      const ids = this.byBlock.get(b);
      if (!ids || ids.size < 2) {
        this.overlapRanges.delete(b);
        continue;
      }
      const spans = [...ids].map((id) => this.painted.get(id)!);
      const fresh: StaticRange[] = [];
      for (const o of overlapSpans(spans)) {
        for (const r of this.builder.ranges(o.start, o.end)) {
          if (!this.inBlock(r, b)) continue;
          (o.depth >= 3 ? this.deep : this.overlap).add(r);
          fresh.push(r);
        }
      }
      this.overlapRanges.set(b, fresh);
    }
  }

  /** Overlaps are computed per block; a span reaching into the next block is painted there by that block. */
  private inBlock(r: StaticRange, block: number): boolean {
    return this.builder.element(block)?.contains(r.startContainer) ?? false;
  }

  private colourLayer(colour: string): Highlight {
    const k = colour.toLowerCase();
    let hl = this.byColour.get(k);
    if (!hl) {
      hl = this.layer(`${this.key}-c-${colourKey(k)}`, 1, `background-color: rgb(${rgbTriplet(k)} / 0.32);`);
      this.byColour.set(k, hl);
    }
    return hl;
  }

  /** Under the overlap layer (priority 5), so overlaps keep their rule where both apply. */
  private secondLayer(colour: string): Highlight {
    const k = colour.toLowerCase();
    let hl = this.bySecond.get(k);
    if (!hl) {
      hl = this.layer(`${this.key}-u-${colourKey(k)}`, 4, `text-decoration: underline 2px wavy rgb(${rgbTriplet(k)}); text-underline-offset: 0.3em;`);
      this.bySecond.set(k, hl);
    }
    return hl;
  }

  private layer(name: string, priority: number, css: string): Highlight {
    const hl = new Highlight();
    hl.priority = priority;
    const full = `syn-${name}`;
    registry()?.set(full, hl);
    this.names.push(full);
    this.style.append(`::highlight(${full}) { ${css} }\n`);
    return hl;
  }
}
