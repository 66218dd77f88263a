import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { catalogOf } from "../../core/argument";
import {
  addFreeNode,
  createLink,
  createUndoManager,
  linksOfAnnotation,
  listArgumentLinks,
  listMapEntries,
  placeAnnotation,
  readPositions,
  removeFromMap,
  removeLink,
  removeLinksOf,
  setPositions,
  updateLink,
} from ".";

const alice = { id: "alice", name: "Alice" };
const t0 = new Date("2026-03-01T10:00:00.000Z");
const catalog = catalogOf(["a1", "a2", "a3"], []);

describe("links (issue #7 relations)", () => {
  it("creates typed links with notes, refuses self-links, duplicates and unknown ends", () => {
    const doc = new Y.Doc();
    const l = createLink(doc, { from: { kind: "annotation", id: "a1", documentId: "d1" }, to: { kind: "annotation", id: "a2" }, relation: "same_claim", note: "  同じ主張  " }, catalog, alice, t0);
    expect(l).toMatchObject({ kind: "same_claim", note: "同じ主張", author: alice });
    const again = () => createLink(doc, { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, relation: "same_claim" }, catalog, alice, t0);
    expect(again).toThrow(/link_duplicate/);
    expect(() => createLink(doc, { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a1" }, relation: "cites" }, catalog, alice, t0)).toThrow(/link_to_itself/);
    expect(() => createLink(doc, { from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "elsewhere" }, relation: "cites" }, catalog, alice, t0)).toThrow(/link_endpoint_missing/);
    // cycles are fine
    createLink(doc, { from: { kind: "annotation", id: "a2" }, to: { kind: "annotation", id: "a1" }, relation: "responds_to" }, catalog, alice, t0);
    expect(linksOfAnnotation(doc, "a1")).toHaveLength(2);
    updateLink(doc, l.id, { relation: "supports", note: null }, catalog, t0);
    expect(listArgumentLinks(doc).find((x) => x.id === l.id)).toMatchObject({ kind: "supports" });
    expect(listArgumentLinks(doc).find((x) => x.id === l.id)?.note).toBeUndefined();
    removeLink(doc, l.id);
    expect(listArgumentLinks(doc)).toHaveLength(1);
    expect(removeLinksOf(doc, "a1")).toBe(1);
    expect(listArgumentLinks(doc)).toHaveLength(0);
  });

  it("reads links written with the first model's kinds", () => {
    const doc = new Y.Doc();
    doc.getMap("links").set("old", { id: "old", from: { kind: "annotation", id: "a1" }, to: { kind: "annotation", id: "a2" }, kind: "contradicts", label: "x", author: alice, createdAt: t0.toISOString() });
    expect(listArgumentLinks(doc)).toMatchObject([{ id: "old", kind: "opposes", note: "x" }]);
  });
});

describe("the map", () => {
  it("adds free nodes and placed annotations, shares positions, removes a node with its links in one undo step", () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, "meta", 0);
    const claim = addFreeNode(doc, { kind: "claim", text: " 常設化すべき ", position: { x: 1, y: 2 } }, alice, t0);
    expect(claim.label).toBe("常設化すべき");
    expect(() => addFreeNode(doc, { kind: "question", text: "   ", position: { x: 0, y: 0 } }, alice, t0)).toThrow(/node_text_empty/);
    placeAnnotation(doc, "a1", { x: 10, y: 10 }, alice, t0);
    placeAnnotation(doc, "a1", { x: 20, y: 10 }, alice, t0);
    expect(listMapEntries(doc).filter((n) => n.kind === "annotation")).toHaveLength(1);
    const nodes = catalogOf(["a1", "a2"], [claim.id]);
    createLink(doc, { from: { kind: "node", id: claim.id }, to: { kind: "annotation", id: "a1" }, relation: "supports" }, nodes, alice, t0);
    setPositions(doc, { [claim.id]: { x: 100.4, y: 50.6 }, a1: { x: 5, y: 5 } });
    expect(readPositions(doc)).toEqual({ [claim.id]: { x: 100, y: 51 }, a1: { x: 5, y: 5 } });
    undo.stopCapturing();
    expect(removeFromMap(doc, claim.id)).toEqual({ links: 1 });
    expect(listArgumentLinks(doc)).toHaveLength(0);
    expect(listMapEntries(doc).some((n) => n.id === claim.id)).toBe(false);
    undo.undo();
    expect(listArgumentLinks(doc)).toHaveLength(1);
    expect(listMapEntries(doc).some((n) => n.id === claim.id)).toBe(true);
    expect(readPositions(doc)[claim.id]).toEqual({ x: 100, y: 51 });
  });
});
