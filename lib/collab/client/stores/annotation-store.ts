/**
 * A pane's annotations, kept in step with its Y.Doc incrementally: the first load reads every
 * entry once; afterwards only the entries a transaction changed are re-read, placed in the
 * pane's version and repainted. React reads snapshots through `subscribe`/`version`
 * (useSyncExternalStore); painting happens synchronously in the Yjs observer, outside React,
 * so a remote annotation shows within the frame it arrives in.
 *
 * Annotations made on another version are placed by their quote; when that was edited, an
 * approximate search finds it (lib/core/compare/resolve-anchor.ts), at tens of microseconds to
 * a few milliseconds each. So that a pane of thousands of such annotations never blocks the
 * page, only a time budget of that work runs at once; the rest is listed as "searching" and
 * placed in idle-time slices, painted as each slice finds them. Annotations the server has
 * already placed in the pane's version (re-anchoring stored when the version was imported,
 * lib/server/anchors) are not searched at all: `placeOf` takes the stored placement.
 */
import type * as Y from "yjs";
import { getAnnotation, listAnnotations, observeAnnotationChanges, type AnnotationEntry, type TextAnchor } from "@/lib/collab/model";
import { compareItems, createPlacer, placementFromStored, type ListItem, type Placement, type Placer, type StoredPlacementRow } from "@/lib/core/compare";
import type { HighlightPainter, PaintSpec } from "../dom/highlight-painter";

/** How an annotation is painted (colour by theme, theme filter); null: not painted (filtered out). */
export type PaintStyle = (item: StoredAnnotation) => Omit<PaintSpec, "start" | "end"> | null;

/** A placement, or "searching": an annotation of another version whose placement waits for idle time. */
export type StoredPlacement = Placement | { status: "searching" };

export interface StoredAnnotation extends ListItem {
  entry: AnnotationEntry;
  placement: StoredPlacement;
}

/** How much placement work runs at once, and how the rest is scheduled. */
export interface PlacementTiming {
  /** Milliseconds of placement done synchronously (on load, per transaction) before the rest waits. */
  budgetMs: number;
  /** Milliseconds of one idle-time slice. */
  sliceMs: number;
  /** Runs `work` when the page is idle; returns a cancel. */
  idle(work: () => void): () => void;
}

/** One frame's worth at load (a few hundred verbatim placements); slices short enough to keep input responsive. */
export const BROWSER_TIMING: PlacementTiming = {
  budgetMs: 16,
  sliceMs: 10,
  idle(work) {
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(work, { timeout: 200 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(work, 0);
    return () => clearTimeout(id);
  },
};

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
  /** One placer for the pane's text: it keeps the search index across annotations. */
  private readonly placer: Placer;
  /** Annotations whose placement waits for idle time, oldest first. */
  private readonly searching = new Set<string>();
  private cancelIdle: (() => void) | null = null;
  private searchStartedAt = 0;
  /** The server's placements of older versions' annotations in this version, by annotation id. */
  private readonly stored: Map<string, StoredPlacementRow>;

  constructor(
    private readonly doc: Y.Doc,
    text: string,
    private readonly versionId: string,
    knownVersionIds: string[] = [versionId],
    private readonly timing: PlacementTiming = BROWSER_TIMING,
    stored: readonly StoredPlacementRow[] = [],
  ) {
    this.knownVersions = new Set(knownVersionIds);
    this.stored = new Map(stored.map((r) => [r.annotationId, r]));
    this.placer = createPlacer(text, versionId);
  }

  start(): void {
    const t0 = performance.now();
    this.started = true;
    const deadline = t0 + this.timing.budgetMs;
    for (const e of listAnnotations(this.doc)) this.items.set(e.id, this.toItem(e, deadline));
    this.countOthers();
    this.paintAll();
    // Read by the reader benchmark (scripts/bench/reader.ts), like synoptic:remote-paint below.
    performance.measure("synoptic:full-paint", { start: t0, end: performance.now(), detail: this.items.size });
    this.stop = observeAnnotationChanges(this.doc, (ids, local) => this.onChange(ids, local));
    this.searchStartedAt = t0;
    this.scheduleSearch();
    this.changed();
  }

  /** How many annotations still wait to be placed. */
  get searchingCount(): number {
    return this.searching.size;
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
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.listeners.clear();
  }

  private onChange(ids: string[], local: boolean): void {
    const t0 = performance.now();
    const deadline = t0 + this.timing.budgetMs;
    const wasSearching = this.searching.size > 0;
    for (const id of ids) {
      const entry = getAnnotation(this.doc, id);
      if (!entry || entry.deleted) {
        const gone = this.items.get(id);
        if (gone) this.removed.set(id, gone);
        this.items.delete(id);
        this.searching.delete(id);
        this.painter?.remove(id);
        continue;
      }
      const item = this.toItem(entry, deadline);
      this.items.set(id, item);
      this.removed.delete(id);
      this.paint(item);
    }
    if (!local && ids.length <= 10) performance.measure("synoptic:remote-paint", { start: t0, end: performance.now() });
    if (!wasSearching) this.searchStartedAt = t0;
    this.scheduleSearch();
    this.countOthers();
    this.changed();
  }

  /**
   * Places an entry: the previous placement when its anchor did not change (a colour, status or
   * theme edit), else at once while `deadline` allows, else later (listed as searching meanwhile).
   */
  private toItem(entry: AnnotationEntry, deadline: number): StoredAnnotation {
    const previous = this.items.get(entry.id);
    let placement: StoredPlacement;
    if (previous && sameAnchor(previous.entry.anchor, entry.anchor)) placement = previous.placement;
    else {
      this.searching.delete(entry.id);
      placement = this.placeOf(entry.anchor, entry.id, deadline);
    }
    if (placement.status === "searching") this.searching.add(entry.id);
    return this.withPlacement(entry, placement);
  }

  /**
   * Where an annotation's range is in the pane's version. Anchors of that version are only
   * checked in place; others take the server's stored placement when it is of this very anchor,
   * and are otherwise looked up (verbatim, about 10 µs; approximately, up to milliseconds)
   * while the budget lasts — an annotation made on an old version since the page loaded.
   */
  private placeOf(anchor: TextAnchor, id: string, deadline: number): StoredPlacement {
    if (anchor.versionId === this.versionId) return this.placer.place(anchor);
    const row = this.stored.get(id);
    const stored = row ? placementFromStored(anchor, row) : null;
    if (stored) return stored;
    return performance.now() < deadline ? this.placer.place(anchor) : { status: "searching" };
  }

  private withPlacement(entry: AnnotationEntry, placement: StoredPlacement): StoredAnnotation {
    const placed = placement.status !== "orphan" && placement.status !== "searching";
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

  private scheduleSearch(): void {
    if (this.searching.size === 0 || this.cancelIdle) return;
    this.cancelIdle = this.timing.idle(() => {
      this.cancelIdle = null;
      this.searchSlice();
    });
  }

  /** One idle-time slice of placements, painted as found. */
  private searchSlice(): void {
    const end = performance.now() + this.timing.sliceMs;
    let placed = 0;
    for (const id of this.searching) {
      this.searching.delete(id);
      const item = this.items.get(id);
      if (!item || item.placement.status !== "searching") continue;
      const next = this.withPlacement(item.entry, this.placer.place(item.entry.anchor));
      this.items.set(id, next);
      this.paint(next);
      placed++;
      if (performance.now() >= end) break;
    }
    // How long re-anchoring took in a real page (performance timeline); scripts/bench/reader-reanchor.ts measures the store itself.
    if (this.searching.size === 0) performance.measure("synoptic:reanchored", { start: this.searchStartedAt, end: performance.now() });
    this.scheduleSearch();
    if (placed > 0) this.changed();
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

function sameAnchor(a: TextAnchor, b: TextAnchor): boolean {
  return a === b || (a.versionId === b.versionId && a.start === b.start && a.end === b.end && a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix);
}
