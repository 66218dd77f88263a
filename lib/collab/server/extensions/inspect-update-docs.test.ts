/** inspect-update on the annotations and meta documents, and both paths against random histories. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addFreeNode, createAnnotation, createLink, deleteAnnotation, getNoteFragment, setPositions, setStatus, tagAnnotations, updateAnnotation, upsertTheme } from "../../model";
import { AUTHORED_MAPS } from "./authorship-rules";
import { inspectFast } from "./inspect-update";
import { alice, annotations, anchor, as, bob, everything, later, now, World } from "./inspect-update.fixture";

describe("annotations document", () => {
  it("creating, typing into the note, tagging and resolving are accepted, mostly without a copy", () => {
    const w = new World();
    const c = w.client();
    let id = "";
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => (id = createAnnotation(c, { anchor: anchor(), colour: "#336699", note: "note" }, alice, now).id)))).toEqual({ ok: true, path: "fast" });
    const fragment = getNoteFragment(c, id)!;
    const paragraph = fragment.get(0) as Y.XmlElement;
    const textNode = paragraph.get(0) as Y.XmlText;
    for (const ch of " typed") expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => textNode.insert(textNode.length, ch)))).toEqual({ ok: true, path: "fast" });
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => textNode.delete(0, 2)))).toEqual({ ok: true, path: "fast" });
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => tagAnnotations(c, [id], { add: ["t1"] }, [{ id: "t1" }], later)))).toEqual({ ok: true, path: "fast" });
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => setStatus(c, id, "resolved", later)))).toEqual({ ok: true, path: "fast" });
    const server = w.client();
    expect(getNoteFragment(server, id)!.toString()).toContain("te typed");
  });

  it("an editor changes and soft-deletes someone else's annotation, but cannot rewrite its author or remove it", () => {
    const w = new World();
    const b = w.client();
    const id = createAnnotation(b, { anchor: anchor(), colour: "#336699" }, bob, now).id;
    w.send("annotations", as(bob, "editor"), Y.encodeStateAsUpdate(b));
    const c = w.client();
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => updateAnnotation(c, id, { colour: "#aa0000" }, later)))).toMatchObject({ ok: true, path: "fast" });
    const current = annotations(c).get(id) as Record<string, unknown>;
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => annotations(c).set(id, { ...current, author: alice })))).toMatchObject({ ok: false, reason: "author-changed" });
    const c2 = w.client();
    expect(w.send("annotations", as(alice, "editor"), w.capture(c2, () => annotations(c2).delete(id)))).toMatchObject({ ok: false, reason: "entry-removed" });
    const c3 = w.client();
    expect(w.send("annotations", as(alice, "editor"), w.capture(c3, () => deleteAnnotation(c3, id, later)))).toMatchObject({ ok: true });
    expect((annotations(w.server).get(id) as { author: { id: string }; deleted: boolean }).author.id).toBe("bob");
  });

  it("refuses an annotation created in someone else's name", () => {
    const w = new World();
    const c = w.client();
    const update = w.capture(c, () => createAnnotation(c, { anchor: anchor(), colour: "#336699" }, bob, now));
    expect(w.send("annotations", as(alice, "editor"), update)).toMatchObject({ ok: false, path: "fast", reason: "author-forged", map: "annotations" });
    expect(annotations(w.server).size).toBe(0);
  });

  it("refuses a Y type as an entry, and changes inside one", () => {
    const w = new World();
    const c = w.client();
    expect(w.send("annotations", as(alice, "editor"), w.capture(c, () => annotations(c).set("x", new Y.Map())))).toMatchObject({ ok: false, path: "copy", reason: "entry-not-json" });
    // Were one there already (written before this check), changing its inside is refused too.
    const nested = new Y.Map<unknown>();
    annotations(w.server).set("x", nested);
    const c2 = w.client();
    expect(w.send("annotations", as(alice, "editor"), w.capture(c2, () => (annotations(c2).get("x") as Y.Map<unknown>).set("author", alice)))).toMatchObject({ ok: false, path: "copy", reason: "nested-entry" });
  });

  it("concurrent edits of one annotation go through the copy and are accepted", () => {
    const w = new World();
    const b = w.client();
    const id = createAnnotation(b, { anchor: anchor(), colour: "#336699" }, bob, now).id;
    w.send("annotations", as(bob, "editor"), Y.encodeStateAsUpdate(b));
    const c1 = w.client();
    const c2 = w.client();
    const u1 = w.capture(c1, () => setStatus(c1, id, "resolved", later));
    const u2 = w.capture(c2, () => updateAnnotation(c2, id, { colour: "#00aa00" }, later));
    expect(w.send("annotations", as(alice, "editor"), u1)).toEqual({ ok: true, path: "fast" });
    expect(w.send("annotations", as(bob, "editor"), u2)).toEqual({ ok: true, path: "copy" });
  });

  it("a copy is needed only when the fast path cannot place the update", () => {
    const w = new World();
    const c = w.client();
    const u = w.capture(c, () => createAnnotation(c, { anchor: anchor(), colour: "#336699", note: "a\nb" }, alice, now));
    expect(inspectFast(w.server, u, AUTHORED_MAPS.annotations, as(alice, "editor"))).toEqual({ ok: true, path: "fast" });
  });
});

describe("meta document (themes, links, map nodes)", () => {
  it("own links and nodes, themes and positions are accepted; forged authors are not", () => {
    const w = new World();
    const c = w.client();
    const ed = as(alice, "editor");
    expect(w.send("meta", ed, w.capture(c, () => upsertTheme(c, { name: "Deterrence", colour: "#112233" }, now)))).toMatchObject({ ok: true, path: "fast" });
    let node = "";
    expect(w.send("meta", ed, w.capture(c, () => (node = addFreeNode(c, { kind: "claim", text: "A claim", position: { x: 1, y: 2 } }, alice, now).id)))).toMatchObject({ ok: true, path: "fast" });
    expect(w.send("meta", ed, w.capture(c, () => createLink(c, { from: { kind: "annotation", id: "a1" }, to: { kind: "node", id: node }, relation: "supports" }, everything, alice, now)))).toMatchObject({ ok: true, path: "fast" });
    expect(w.send("meta", ed, w.capture(c, () => setPositions(c, { [node]: { x: 10, y: 20 } })))).toMatchObject({ ok: true, path: "fast" });
    expect(w.send("meta", ed, w.capture(c, () => createLink(c, { from: { kind: "annotation", id: "a2" }, to: { kind: "node", id: node }, relation: "opposes" }, everything, bob, now)))).toMatchObject({ ok: false, reason: "author-forged", map: "links" });
    const c2 = w.client();
    expect(w.send("meta", ed, w.capture(c2, () => addFreeNode(c2, { kind: "question", text: "Why?", position: { x: 0, y: 0 } }, bob, now)))).toMatchObject({ ok: false, reason: "author-forged", map: "nodes" });
  });
});

describe("fast path and copy agree on random histories", () => {
  for (const kind of ["discussion", "annotations"] as const) {
    it(`${kind}: interleaved, batched and concurrent writes of three users, some forged`, () => {
      let seed = kind === "discussion" ? 12345 : 777;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      const mapName = kind === "discussion" ? "replies" : "annotations";
      const users = [alice, bob, { id: "carol", name: "Carol" }];
      const w = new World();
      const clients = users.map(() => w.client());
      const seen: Record<string, number> = {};
      const count = (k: string) => (seen[k] = (seen[k] ?? 0) + 1);
      for (let step = 0; step < 400; step++) {
        const i = rnd(users.length);
        const user = users[i]!;
        const c = clients[i]!;
        if (rnd(3) === 0) w.sync(c);
        const map = c.getMap<unknown>(mapName);
        const ops = rnd(4) === 0 ? 2 + rnd(3) : 1; // sometimes an offline batch
        const write = () => {
          for (let n = 0; n < ops; n++) {
            const keys = [...map.keys()];
            const key = keys.length > 0 ? keys[rnd(keys.length)]! : null;
            const current = key ? (map.get(key) as Record<string, unknown> | undefined) : undefined;
            const op = rnd(7);
            if (op === 0 || !key || !current) map.set(`k${step}-${n}`, { id: `k${step}`, author: rnd(6) === 0 ? users[(i + 1) % 3] : user, body: `v${step}` });
            else if (op <= 2) map.set(key, { ...current, body: `e${step}` });
            else if (op === 3) map.delete(key);
            else if (op === 4) map.set(key, { ...current, author: users[rnd(3)] });
            else c.getMap("other").set(`k${rnd(4)}`, step);
          }
        };
        const before = Y.encodeStateVector(w.server);
        const captured = w.capture(c, write);
        // Sometimes the client sends what a reconnect would: everything the server lacks.
        const update = rnd(5) === 0 ? Y.encodeStateAsUpdate(c, before) : captured;
        const verdict = w.send(kind, as(user, kind === "discussion" ? "commenter" : "editor"), update);
        count(verdict.path);
        count(verdict.ok ? "accepted" : verdict.reason);
        if (!verdict.ok) clients[i] = w.client(); // a refused client is out of step: start afresh
      }
      // Both paths were exercised, and so were acceptances and refusals.
      expect(seen.fast).toBeGreaterThan(0);
      expect(seen.copy).toBeGreaterThan(0);
      expect(seen.accepted).toBeGreaterThan(0);
      expect(Object.keys(seen).length).toBeGreaterThan(4);
    });
  }
});
