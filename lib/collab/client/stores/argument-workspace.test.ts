/**
 * The map's annotation catalogue comes from the incremental watcher the matrix uses; what the
 * map shows must be what a full pass over every document gives (the map read that way before):
 * the same entries, titles and colours, in the same order (the "place on the map" list shows
 * the first of them), through syncs that arrive out of order, edits, deletions and junk.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildAnchor, createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from "@/lib/collab/model";
import type { CatalogAnnotation } from "@/lib/core/argument";
import { watchWorkspaceAnnotations } from "./workspace-annotations";
import { createCatalogReuse, toCatalog, type MapDocumentInfo } from "./argument-workspace";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const bob = { id: "bob", name: "Bob" };
const provider = {};
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const sync = (remote: Y.Doc, local: Y.Doc) => Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(local)), provider);

/** What the map computed before it read incrementally: every document, every entry, each time. */
function fullRead(docs: ReadonlyMap<string, Y.Doc>, info: readonly MapDocumentInfo[]): Map<string, CatalogAnnotation> {
  const titles = new Map(info.map((d) => [d.id, d.title]));
  const out = new Map<string, CatalogAnnotation>();
  for (const [documentId, doc] of docs) {
    for (const a of listAnnotations(doc)) out.set(a.id, { id: a.id, documentId, documentTitle: titles.get(documentId) ?? "", exact: a.anchor.exact, themeIds: a.themeIds, colour: a.colour });
  }
  return out;
}

describe("the map's annotation catalogue", () => {
  it("equals a full re-read after every change", () => {
    const ids = ["d1", "d2", "d3"];
    const remote = new Map(ids.map((id) => [id, new Y.Doc()]));
    const local = new Map(ids.map((id) => [id, new Y.Doc()]));
    // d3 has no title: a document the page was not told about shows an empty badge, as before.
    const info = [{ id: "d2", title: "政策文書 2" }, { id: "d1", title: "政策文書 1" }];
    const watch = watchWorkspaceAnnotations(local, () => {});
    // As the map builds it: reusing the entries (and the last catalogue) of annotations not re-read.
    const reuse = createCatalogReuse();
    const check = () => {
      const annotations = watch.read().annotations;
      const catalog = toCatalog(annotations, info, reuse);
      const expected = fullRead(local, info);
      expect([...catalog.entries()]).toEqual([...expected.entries()]);
      expect([...toCatalog(annotations, info).entries()]).toEqual([...expected.entries()]);
      return catalog;
    };

    // Created with createdAt out of key order in every document; d3 syncs first.
    const created: Record<string, string[]> = {};
    for (const [i, id] of ids.entries()) {
      const doc = remote.get(id)!;
      created[id] = [7, 2, 5, 2].map((m, k) => createAnnotation(doc, { anchor: buildAnchor(text, `v${id}`, k * 4, k * 4 + 3), colour: i ? "#ffcc00" : "#22aa66", themeIds: k ? ["t1"] : [] }, bob, at(m)).id);
    }
    for (const id of [...ids].reverse()) sync(remote.get(id)!, local.get(id)!);
    expect(check().size).toBe(12);

    updateAnnotation(remote.get("d1")!, created.d1![2]!, { themeIds: ["t2", "t1"], colour: "#0055ff" }, at(30));
    deleteAnnotation(remote.get("d2")!, created.d2![0]!, at(31));
    createAnnotation(remote.get("d2")!, { anchor: buildAnchor(text, "vd2", 20, 24), colour: "#ffcc00" }, bob, at(1));
    const junk = remote.get("d3")!.getMap("annotations");
    junk.set(created.d3![1]!, { ...(junk.get(created.d3![1]!) as object), themeIds: "t1" });
    for (const id of ids) sync(remote.get(id)!, local.get(id)!);
    const catalog = check();
    expect(catalog.size).toBe(11);
    expect(catalog.get(created.d1![2]!)).toMatchObject({ documentTitle: "政策文書 1", themeIds: ["t2", "t1"], colour: "#0055ff" });
    expect(catalog.get(created.d3![0]!)?.documentTitle).toBe("");

    // A remote tag alone: one new entry, every other entry the same object as before.
    updateAnnotation(remote.get("d2")!, created.d2![1]!, { themeIds: ["t3"] }, at(40));
    sync(remote.get("d2")!, local.get("d2")!);
    const tagged = check();
    expect(tagged.get(created.d2![1]!)?.themeIds).toEqual(["t3"]);
    expect([...tagged].filter(([id, e]) => catalog.get(id) !== e).map(([id]) => id)).toEqual([created.d2![1]!]);
    watch.stop();
  });
});
