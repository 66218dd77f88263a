/**
 * A pane's annotations, kept in step with its Y.Doc incrementally: the first load reads every
 * entry once; afterwards only the entries a transaction changed are re-read, placed in the
 * pane's version and repainted. React reads snapshots through `subscribe`/`version`
 * (useSyncExternalStore); painting happens synchronously in the Yjs observer, outside React,
 * so a remote annotation shows within the frame it arrives in.
 */
import type * as Y from "yjs";
import { getAnnotation, listAnnotations, observeAnnotationChanges, type AnnotationEntry } from "@/lib/collab/model";
import { compareItems, placeAnchor, type ListItem, type Placement } from "@/lib/core/compare";
import type { HighlightPainter, PaintSpec } from "./highlight-painter";

/** How an annotation is painted (colour by theme, theme filter); null: not painted (filtered out). */
export type PaintStyle = (item: StoredAnnotation) => Omit<PaintSpec, "start" | "end"> | null;

export interface StoredAnnotation extends ListItem {
  entry: AnnotationEntry;
  placement: Placement;
}

export class AnnotationStore {
  private readonly items = new Map<string, StoredAnnotation>();
  /** The last state of annotations deleted while the page is open, so an open card can say what happened. */
  private readonly removed = new Map<string, StoredAnnotation>();
  private readonly knownVersions: Set<string>;
  private readonly listeners = new Set<() => void>();
  private sorted: StoredAnnotation[] | null = null;
  private painter: HighlightPainter | null = null;
  private style: PaintStyle | null = null;
  private stop: (() => void) | null = null;
  private notifyScheduled = false;
  /** Until the doc has loaded the painter keeps the server's snapshot; the store paints nothing. */
  private started = false;
  /** Bumped on every change; React compares it. */
  version = 0;
  /** Entries whose anchor names another version of the document than the pane shows. */
  otherVersions = 0;
  /** Entries made on a version this page does not know: a newer one was imported since it loaded. */
  newerVersion = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly text: string,
    private readonly versionId: string,
    knownVersionIds: string[] = [versionId],
  ) {
    this.knownVersions = new Set(knownVersionIds);
  }

  start(): void {
    const t0 = performance.now();
    this.started = true;
    for (const e of listAnnotations(this.doc)) this.items.set(e.id, this.toItem(e));
    this.countOthers();
    this.paintAll();
    // Read by the reader benchmark (scripts/bench/reader.ts), like synoptic:remote-paint below.
    performance.measure("synoptic:full-paint", { start: t0, end: performance.now(), detail: this.items.size });
    this.stop = observeAnnotationChanges(this.doc, (ids, local) => this.onChange(ids, local));
    this.changed();
  }

  attach(painter: HighlightPainter | null): void {
    this.painter = painter;
    this.paintAll();
  }

  /** Repaints every annotation with `style` (null: its own highlight colour, everything shown). */
  setPaintStyle(style: PaintStyle | null): void {
    if (style === this.style) return;
    this.style = style;
    this.paintAll();
  }

  get(id: string): StoredAnnotation | undefined {
    return this.items.get(id);
  }

  /** A live annotation, or the last known state of one deleted since the page opened. */
  lastKnown(id: string): StoredAnnotation | undefined {
    return this.items.get(id) ?? this.removed.get(id);
  }

  /** Every live annotation in text order (cached until the next change). */
  list(): StoredAnnotation[] {
    if (!this.sorted) this.sorted = [...this.items.values()].sort(compareItems);
    return this.sorted;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  destroy(): void {
    this.stop?.();
    this.listeners.clear();
  }

  private onChange(ids: string[], local: boolean): void {
    const t0 = performance.now();
    for (const id of ids) {
      const entry = getAnnotation(this.doc, id);
      if (!entry || entry.deleted) {
        const gone = this.items.get(id);
        if (gone) this.removed.set(id, gone);
        this.items.delete(id);
        this.painter?.remove(id);
        continue;
      }
      const item = this.toItem(entry);
      this.items.set(id, item);
      this.removed.delete(id);
      this.paint(item);
    }
    if (!local && ids.length <= 10) performance.measure("synoptic:remote-paint", { start: t0, end: performance.now() });
    this.countOthers();
    this.changed();
  }

  private toItem(entry: AnnotationEntry): StoredAnnotation {
    const placement = placeAnchor(this.text, this.versionId, entry.anchor);
    const placed = placement.status !== "orphan";
    return {
      id: entry.id,
      authorId: entry.author.id,
      authorName: entry.author.name,
      colour: entry.colour,
      status: entry.status,
      start: placed ? placement.start : null,
      end: placed ? placement.end : null,
      createdAt: entry.createdAt,
      entry,
      placement,
    };
  }

  private paint(item: StoredAnnotation): void {
    if (!this.painter) return;
    const spec = this.specOf(item);
    if (!spec) this.painter.remove(item.id);
    else this.painter.set(item.id, spec);
  }

  private paintAll(): void {
    if (!this.painter || !this.started) return;
    this.painter.clearPreview();
    const specs: [string, PaintSpec][] = [];
    for (const i of this.items.values()) {
      const spec = this.specOf(i);
      if (spec) specs.push([i.id, spec]);
      else this.painter.remove(i.id);
    }
    this.painter.setAll(specs);
  }

  private specOf(item: StoredAnnotation): PaintSpec | null {
    if (item.start === null || item.end === null) return null;
    if (!this.style) return { colour: item.colour, start: item.start, end: item.end };
    const look = this.style(item);
    return look ? { ...look, start: item.start, end: item.end } : null;
  }

  private countOthers(): void {
    let n = 0;
    let newer = false;
    for (const i of this.items.values()) {
      const v = i.entry.anchor.versionId;
      if (v === this.versionId) continue;
      n++;
      if (!this.knownVersions.has(v)) newer = true;
    }
    this.otherVersions = n;
    this.newerVersion = newer;
  }

  /** React hears of changes once per task at most, however many transactions arrive in it. */
  private changed(): void {
    this.sorted = null;
    this.version++;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    queueMicrotask(() => {
      this.notifyScheduled = false;
      for (const l of this.listeners) l();
    });
  }
}
