/**
 * The annotation read path against entries other clients wrote around the library: whatever
 * fails the schema, or sits under a key that is not its id, is skipped by every reader.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildAnchor, createAnnotation, getAnnotation, listAnnotations, updateAnnotation } from "./index";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const alice = { id: "alice", name: "Alice" };
const t0 = new Date("2026-01-01T00:00:00Z");
const t1 = new Date("2026-01-01T00:01:00Z");

/** A doc holding what a remote client wrote, as it arrives here. */
function received(write: (remote: Y.Doc) => void): Y.Doc {
  const remote = new Y.Doc();
  write(remote);
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
  return local;
}

describe("reading annotations", () => {
  it("skips entries that fail the schema or sit under another annotation's key", () => {
    let kept!: ReturnType<typeof createAnnotation>;
    const doc = received((remote) => {
      kept = createAnnotation(remote, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00", themeIds: ["t1"] }, alice, t0);
      const raw = remote.getMap("annotations");
      raw.set("copy", kept); // the same annotation again under a second key: it would count twice
      raw.set("bad-colour", { ...kept, id: "bad-colour", colour: "red" });
      raw.set("bad-anchor", { ...kept, id: "bad-anchor", anchor: { ...kept.anchor, start: -1 } });
      raw.set("not-an-object", "hello");
    });
    expect(listAnnotations(doc)).toEqual([kept]);
    expect(listAnnotations(doc, { includeDeleted: true })).toEqual([kept]);
    expect(getAnnotation(doc, kept.id)).toEqual(kept);
    for (const key of ["copy", "bad-colour", "bad-anchor", "not-an-object", "missing"]) expect(getAnnotation(doc, key), key).toBeUndefined();
    // What cannot be read cannot be edited either.
    expect(() => updateAnnotation(doc, "copy", { colour: "#000000" }, t1)).toThrow(/annotation_not_found/);
  });

  it("lists oldest first, then by id, and leaves deleted entries out unless asked", () => {
    const doc = new Y.Doc();
    const later = createAnnotation(doc, { id: "a-later", anchor: buildAnchor(text, "v1", 0, 4), colour: "#ffcc00" }, alice, t1);
    const b = createAnnotation(doc, { id: "b", anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, alice, t0);
    const a = createAnnotation(doc, { id: "a", anchor: buildAnchor(text, "v1", 14, 16), colour: "#ffcc00" }, alice, t0);
    expect(listAnnotations(doc).map((x) => x.id)).toEqual([a.id, b.id, later.id]);
    doc.getMap("annotations").set(b.id, { ...b, deleted: true });
    expect(listAnnotations(doc).map((x) => x.id)).toEqual([a.id, later.id]);
    expect(listAnnotations(doc, { includeDeleted: true }).map((x) => x.id)).toEqual([a.id, b.id, later.id]);
  });
});
