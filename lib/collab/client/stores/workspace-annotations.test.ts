/**
 * The matrix page's annotation reader without React: it starts before the docs have synced,
 * reads each document's initial sync as one change, follows later changes entry by entry, and
 * skips whatever another client wrote that the client library does not accept.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildAnchor, createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/collab/model";
import { watchWorkspaceAnnotations } from "./workspace-annotations";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const bob = { id: "bob", name: "Bob" };
const t0 = new Date("2026-01-01T00:00:00Z");
const provider = {};

/** Sends what `remote` has that `local` lacks, as the provider applies it. */
const sync = (remote: Y.Doc, local: Y.Doc) => Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)), provider);

describe("watchWorkspaceAnnotations", () => {
  it("reads the initial sync and every later change, valid entries only", () => {
    const remote = { d1: new Y.Doc(), d2: new Y.Doc() };
    const local = { d1: new Y.Doc(), d2: new Y.Doc() };
    let changes = 0;
    const watch = watchWorkspaceAnnotations(new Map(Object.entries(local)), () => changes++);
    expect(watch.read().annotations).toEqual([]);

    const a = createAnnotation(remote.d1, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00", themeIds: ["t1"] }, bob, t0);
    const b = createAnnotation(remote.d2, { anchor: buildAnchor(text, "v2", 0, 4), colour: "#ffcc00" }, bob, t0);
    remote.d1.transact(() => {
      remote.d1.getMap("annotations").set("copy", a);
      remote.d1.getMap("annotations").set("junk", { ...a, id: "junk", themeIds: "t1" });
    });
    sync(remote.d1, local.d1);
    sync(remote.d2, local.d2);
    expect(changes).toBe(2);
    const first = watch.read();
    expect(first.annotations).toHaveLength(2);
    expect(first.byId.get(a.id)).toEqual({ id: a.id, documentId: "d1", versionId: "v1", start: 8, end: 12, exact: text.slice(8, 12), themeIds: ["t1"], authorName: "Bob", colour: "#ffcc00" });
    expect(first.byId.get(b.id)).toMatchObject({ documentId: "d2", start: 0, end: 4 });

    updateAnnotation(remote.d1, a.id, { themeIds: ["t1", "t2"] }, t0);
    deleteAnnotation(remote.d2, b.id, t0);
    sync(remote.d1, local.d1);
    sync(remote.d2, local.d2);
    expect(watch.read().annotations.map((x) => [x.id, x.themeIds])).toEqual([[a.id, ["t1", "t2"]]]);
    // A valid entry overwritten with junk is no longer read.
    remote.d1.getMap("annotations").set(a.id, { ...a, colour: "not a colour" });
    sync(remote.d1, local.d1);
    expect(watch.read().annotations).toEqual([]);
    // Each read is a snapshot: later changes do not reach one already taken.
    expect(first.annotations).toHaveLength(2);

    watch.stop();
    const seen = changes;
    createAnnotation(remote.d2, { anchor: buildAnchor(text, "v2", 14, 16), colour: "#ffcc00" }, bob, t0);
    sync(remote.d2, local.d2);
    expect(changes).toBe(seen);
  });

  it("reads what the docs already hold when it starts", () => {
    const doc = new Y.Doc();
    const a = createAnnotation(doc, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, bob, t0);
    doc.getMap("annotations").set("copy", a);
    const watch = watchWorkspaceAnnotations(new Map([["d1", doc]]), () => {});
    expect(watch.read().annotations.map((x) => x.id)).toEqual([a.id]);
    watch.stop();
  });

  it("lists each document's annotations oldest first, in the order of the docs, however they arrive", () => {
    const remote = { d1: new Y.Doc(), d2: new Y.Doc() };
    const local = { d1: new Y.Doc(), d2: new Y.Doc() };
    const at = (m: number) => new Date(t0.getTime() + m * 60_000);
    // Created out of order (a later createdAt first), so neither the map's key order nor the
    // arrival order is the answer.
    const late = createAnnotation(remote.d1, { anchor: buildAnchor(text, "v1", 0, 4), colour: "#ffcc00" }, bob, at(5));
    const early = createAnnotation(remote.d1, { anchor: buildAnchor(text, "v1", 8, 12), colour: "#ffcc00" }, bob, at(1));
    const other = createAnnotation(remote.d2, { anchor: buildAnchor(text, "v2", 0, 4), colour: "#ffcc00" }, bob, at(0));
    const watch = watchWorkspaceAnnotations(new Map(Object.entries(local)), () => {});
    sync(remote.d2, local.d2);
    sync(remote.d1, local.d1);
    const ids = () => watch.read().annotations.map((a) => a.id);
    expect(ids()).toEqual([early.id, late.id, other.id]);

    // An edit keeps the entry's place, and unchanged entries keep their objects.
    const before = watch.read();
    updateAnnotation(remote.d1, early.id, { themeIds: ["t9"] }, at(9));
    sync(remote.d1, local.d1);
    const after = watch.read();
    expect(after.annotations.map((a) => a.id)).toEqual([early.id, late.id, other.id]);
    expect(after.byId.get(early.id)?.themeIds).toEqual(["t9"]);
    expect(after.byId.get(late.id)).toBe(before.byId.get(late.id));

    // A new annotation (oldest of d1 by its createdAt) takes its place in the order.
    const first = createAnnotation(remote.d1, { anchor: buildAnchor(text, "v1", 14, 16), colour: "#ffcc00" }, bob, at(0));
    sync(remote.d1, local.d1);
    expect(ids()).toEqual([first.id, early.id, late.id, other.id]);

    // The same entry written into a second document is read once, from the later document.
    remote.d2.getMap("annotations").set(late.id, remote.d1.getMap("annotations").get(late.id));
    sync(remote.d2, local.d2);
    const dup = watch.read();
    expect(dup.annotations.map((a) => [a.id, a.documentId])).toEqual([[first.id, "d1"], [early.id, "d1"], [other.id, "d2"], [late.id, "d2"]]);
    expect(dup.byId.get(late.id)?.documentId).toBe("d2");
    watch.stop();
  });
});
