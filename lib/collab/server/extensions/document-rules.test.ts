import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { checkDocumentRules } from "./document-rules";

const limits = { maxNoteBytes: 1000 };

/** The update a client would send for `change`, made on a replica of `server`. */
function updateFrom(server: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, before);
}

function annotationsDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap("annotations").set("a1", { id: "a1" });
  const note = new Y.XmlFragment();
  doc.getMap("notes").set("a1", note);
  const p = new Y.XmlElement("paragraph");
  note.insert(0, [p]);
  p.insert(0, [new Y.XmlText("hello")]);
  return doc;
}

/** The text of note a1's first paragraph in a replica. */
const textOf = (d: Y.Doc) => ((d.getMap("notes").get("a1") as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe("checkDocumentRules", () => {
  it("accepts what the library writes", () => {
    const doc = annotationsDoc();
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getMap("annotations").set("a2", { id: "a2" })), "annotations", limits)).toEqual({ ok: true });
    const typing = updateFrom(doc, (d) => textOf(d).insert(5, " world"));
    expect(checkDocumentRules(doc, typing, "annotations", limits)).toEqual({ ok: true });
    const meta = new Y.Doc();
    expect(checkDocumentRules(meta, updateFrom(meta, (d) => d.getMap("positions").set("n", { x: 1, y: 2 })), "meta", limits)).toEqual({ ok: true });
  });

  it("refuses unknown roots, roots used as lists and entries of the wrong shape", () => {
    const doc = new Y.Doc();
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getMap("junk").set("k", "v")), "discussion", limits)).toMatchObject({ ok: false, reason: "unknown-root", root: "junk" });
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getMap("themes").set("k", {})), "discussion", limits)).toMatchObject({ ok: false, reason: "unknown-root" });
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getArray("replies").insert(0, [1])), "discussion", limits)).toMatchObject({ ok: false, reason: "root-not-map" });
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getText("junk").insert(0, "x")), "annotations", limits)).toMatchObject({ ok: false, reason: "unknown-root" });
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getMap("replies").set("r", new Y.Map())), "discussion", limits)).toMatchObject({ ok: false, reason: "entry-shape" });
    expect(checkDocumentRules(doc, updateFrom(doc, (d) => d.getMap("notes").set("a", "not a fragment")), "annotations", limits)).toMatchObject({ ok: false, reason: "entry-shape" });
  });

  it("refuses a note growing past the limit, also when it grows in small steps", () => {
    const doc = annotationsDoc();
    const big = updateFrom(doc, (d) => textOf(d).insert(0, "x".repeat(2000)));
    expect(checkDocumentRules(doc, big, "annotations", limits)).toMatchObject({ ok: false, reason: "note-too-large", key: "a1" });
    const fresh = updateFrom(doc, (d) => {
      const f = new Y.XmlFragment();
      d.getMap("notes").set("a2", f);
      f.insert(0, [new Y.XmlText("y".repeat(2000))]);
    });
    expect(checkDocumentRules(doc, fresh, "annotations", limits)).toMatchObject({ ok: false, reason: "note-too-large", key: "a2" });
    for (let i = 0; i < 9; i++) {
      const step = updateFrom(doc, (d) => textOf(d).insert(0, "z".repeat(100)));
      expect(checkDocumentRules(doc, step, "annotations", limits).ok).toBe(true);
      Y.applyUpdate(doc, step);
    }
    const last = updateFrom(doc, (d) => textOf(d).insert(0, "z".repeat(100)));
    expect(checkDocumentRules(doc, last, "annotations", limits)).toMatchObject({ ok: false, reason: "note-too-large" });
  });

  it("throws on bytes that are not an update (the extension logs and refuses)", () => {
    expect(() => checkDocumentRules(new Y.Doc(), new Uint8Array([200, 1, 2, 3, 250, 250]), "meta", limits)).toThrow();
  });
});
