/**
 * The annotation store's placement of annotations made on an older version: searches beyond
 * the time budget wait for idle time (listed as searching meanwhile), are painted when found,
 * and are not repeated for edits that leave the anchor alone.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildAnchor, createAnnotation, updateAnnotation } from "@/lib/collab/model";
import { AnnotationStore, type PlacementTiming } from "./annotation-store";
import type { HighlightPainter } from "../dom/highlight-painter";

const me = { id: "u1", name: "Aoi" };
const V1 = "前文。1997年の指針は、平素からの協力、日本に対する武力攻撃に際しての対処行動を柱とした。拡大抑止の信頼性。";
const V2 = V1.replace("平素からの協力", "平時からの協力");

/** Idle callbacks held until the test runs them; `budgetMs` 0: nothing approximate runs at once. */
function manualTiming(budgetMs: number) {
  const queue: (() => void)[] = [];
  const timing: PlacementTiming = {
    budgetMs,
    sliceMs: 1_000,
    idle(work) {
      queue.push(work);
      return () => queue.splice(queue.indexOf(work), 1);
    },
  };
  return { timing, runIdle: () => queue.splice(0).forEach((w) => w()) };
}

/** Records what is painted, as the compare view's painter would show it. */
function recordingPainter() {
  const painted = new Map<string, [number, number]>();
  const painter = {
    clearPreview() {},
    setAll(specs: [string, { start: number; end: number }][]) {
      painted.clear();
      for (const [id, s] of specs) painted.set(id, [s.start, s.end]);
    },
    set(id: string, s: { start: number; end: number }) {
      painted.set(id, [s.start, s.end]);
    },
    remove(id: string) {
      painted.delete(id);
    },
  };
  return { painter: painter as unknown as HighlightPainter, painted };
}

function anchorOn(text: string, quote: string, versionId: string) {
  const at = text.indexOf(quote);
  return buildAnchor(text, versionId, at, at + quote.length);
}

describe("placing annotations of an older version", () => {
  it("places an edited passage at once when the budget allows", () => {
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: anchorOn(V1, "平素からの協力、日本に対する武力攻撃", "v1"), colour: "#f5c518" }, me, new Date());
    const { timing } = manualTiming(10_000);
    const store = new AnnotationStore(doc, V2, "v2", ["v1", "v2"], timing);
    store.start();
    const at = V2.indexOf("平時から");
    expect(store.get(a.id)?.placement).toMatchObject({ status: "fuzzy", start: at, end: at + 18 });
    expect(store.searchingCount).toBe(0);
  });

  it("lists approximate searches beyond the budget as searching, then places and paints them in idle time", () => {
    const doc = new Y.Doc();
    const edited = createAnnotation(doc, { anchor: anchorOn(V1, "平素からの協力、日本に対する武力攻撃", "v1"), colour: "#f5c518" }, me, new Date());
    const verbatim = createAnnotation(doc, { anchor: anchorOn(V1, "1997年の指針は", "v1"), colour: "#f5c518" }, me, new Date());
    const own = createAnnotation(doc, { anchor: anchorOn(V2, "前文", "v2"), colour: "#f5c518" }, me, new Date());
    const { timing, runIdle } = manualTiming(0);
    const { painter, painted } = recordingPainter();
    const store = new AnnotationStore(doc, V2, "v2", ["v1", "v2"], timing);
    store.attach(painter);
    store.start();
    // Annotations of the version shown are only checked in place: never deferred.
    expect(store.get(own.id)?.placement.status).toBe("exact");
    expect(painted.has(own.id)).toBe(true);
    for (const id of [edited.id, verbatim.id]) {
      expect(store.get(id)?.placement).toEqual({ status: "searching" });
      expect(store.get(id)?.start).toBeNull();
      expect(painted.has(id)).toBe(false);
    }
    expect(store.searchingCount).toBe(2);
    // Not yet placed, they come last in the list.
    expect(store.list()[0]!.id).toBe(own.id);
    const before = store.version;
    runIdle();
    expect(store.get(verbatim.id)?.placement.status).toBe("moved");
    expect(store.get(edited.id)?.placement.status).toBe("fuzzy");
    // Placed, they take their place in text order.
    expect(store.list().map((i) => i.id)).toEqual([own.id, verbatim.id, edited.id]);
    expect(painted.get(edited.id)).toEqual([V2.indexOf("平時から"), V2.indexOf("平時から") + 18]);
    expect(store.searchingCount).toBe(0);
    expect(store.version).toBeGreaterThan(before);
    // A colour change keeps the placement found (no new search, nothing waits).
    const placement = store.get(edited.id)!.placement;
    updateAnnotation(doc, edited.id, { colour: "#3b82d6" }, new Date());
    expect(store.get(edited.id)!.placement).toBe(placement);
    expect(store.searchingCount).toBe(0);
    store.destroy();
  });

  it("does not search after the pane is gone", () => {
    const doc = new Y.Doc();
    createAnnotation(doc, { anchor: anchorOn(V1, "平素からの協力、日本に対する武力攻撃", "v1"), colour: "#f5c518" }, me, new Date());
    let pending = 0;
    const timing: PlacementTiming = {
      budgetMs: 0,
      sliceMs: 10,
      idle() {
        pending++;
        return () => pending--;
      },
    };
    const store = new AnnotationStore(doc, V2, "v2", ["v1", "v2"], timing);
    store.start();
    expect(pending).toBe(1);
    store.destroy();
    expect(pending).toBe(0);
  });
});
