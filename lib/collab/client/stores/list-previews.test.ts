import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addReply, buildAnchor, createAnnotation, deleteReply } from "@/lib/collab/model";
import { NOTE_LINES, REPLY_COUNTS } from "./list-previews";
import { storeOf } from "./observed-store";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const aoi = { id: "aoi", name: "Aoi" };
const t0 = new Date("2026-01-01T00:00:00Z");

describe("annotation list previews", () => {
  it("gives each note's first non-empty line and follows edits", () => {
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00", note: "\n信頼性の核心\n二行目" }, aoi, t0);
    const b = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 24, 28), colour: "#ffcc00" }, aoi, t0);
    const store = storeOf(NOTE_LINES, doc);
    let changes = 0;
    const stop = store.subscribe(() => changes++);
    expect(store.getSnapshot().get(a.id)).toBe("信頼性の核心");
    expect(store.getSnapshot().has(b.id)).toBe(false);
    createAnnotation(doc, { anchor: buildAnchor(text, "v1", 30, 34), colour: "#ffcc00", note: "新しい注" }, aoi, t0);
    expect(changes).toBeGreaterThan(0);
    expect([...store.getSnapshot().values()]).toContain("新しい注");
    stop();
  });

  it("counts live replies per annotation, not deleted ones", () => {
    const doc = new Y.Doc();
    const r1 = addReply(doc, { annotationId: "a1", body: "同意" }, aoi, t0);
    addReply(doc, { annotationId: "a1", body: "補足" }, aoi, t0);
    addReply(doc, { annotationId: "a2", body: "疑問" }, aoi, t0);
    const store = storeOf(REPLY_COUNTS, doc);
    const stop = store.subscribe(() => {});
    expect(store.getSnapshot().get("a1")).toBe(2);
    deleteReply(doc, r1.id, aoi, t0);
    expect(store.getSnapshot().get("a1")).toBe(1);
    expect(store.getSnapshot().get("a2")).toBe(1);
    expect(store.getSnapshot().has("a3")).toBe(false);
    stop();
  });
});
