import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { directOperationSchema, type DirectOperation } from "../../../core/collab";
import { listArgumentLinks } from "../../model";
import { applyAllOrNothing } from "./apply-operations";

const actor = { id: "u1", name: "Aoi" };
const now = new Date("2026-01-01T00:00:00Z");
const link = (input: Record<string, unknown>): DirectOperation => directOperationSchema.parse({ op: "addLink", input: { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, ...input } });

describe("direct addLink", () => {
  it("accepts the relations of issue #7, with a note", () => {
    const doc = new Y.Doc();
    applyAllOrNothing(doc, [link({ kind: "same_claim", note: " same " }), link({ kind: "cites", from: { kind: "annotation", id: "a2", documentId: "d2" }, to: { kind: "node", id: "n1" } })], actor, now);
    const links = listArgumentLinks(doc);
    expect(links.map((l) => l.kind).sort()).toEqual(["cites", "same_claim"]);
    expect(links.find((l) => l.kind === "same_claim")!.note).toBe("same");
  });

  it("maps the first model's kinds and reads a label as the note", () => {
    const doc = new Y.Doc();
    applyAllOrNothing(doc, [link({ kind: "contradicts", label: "old" })], actor, now);
    expect(listArgumentLinks(doc)).toMatchObject([{ kind: "opposes", note: "old" }]);
  });

  it("refuses unknown relations, self-links and duplicates, writing nothing", () => {
    expect(directOperationSchema.safeParse({ op: "addLink", input: { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, kind: "likes" } }).success).toBe(false);
    const doc = new Y.Doc();
    expect(() => applyAllOrNothing(doc, [link({ kind: "supports", to: { kind: "annotation", id: "a1" } })], actor, now)).toThrow(/link_to_itself/);
    expect(() => applyAllOrNothing(doc, [link({ kind: "opposes" }), link({ kind: "contradicts" })], actor, now)).toThrow(/link_duplicate/);
    expect(listArgumentLinks(doc)).toHaveLength(0);
  });
});
