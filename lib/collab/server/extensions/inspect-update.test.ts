import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addFreeNode,
  addReply,
  buildAnchor,
  createAnnotation,
  createLink,
  createUndoManager,
  deleteAnnotation,
  deleteReply,
  editReply,
  getNoteFragment,
  setPositions,
  setStatus,
  tagAnnotations,
  updateAnnotation,
  upsertTheme,
} from "../../model";
import { AUTHORED_MAPS, authorOf, checkEntryChange, type Writer } from "./authorship-rules";
import { inspectByCopy, inspectFast, inspectUpdate, type Verdict } from "./inspect-update";

const text = "日米同盟における拡大抑止の信頼性をどう高めるか。反撃能力の保有は抑止力を強化する。";
const alice = { id: "alice", name: "Alice" };
const bob = { id: "bob", name: "Bob" };
const now = new Date("2026-01-01T00:00:00Z");
const later = new Date("2026-01-01T00:05:00Z");
const anchor = (start = 0) => buildAnchor(text, "v1", start, start + 4);
const everything = { hasAnnotation: () => true, hasNode: () => true };

const as = (user: { id: string }, role: Writer["role"]): Writer => ({ userId: user.id, role });

/** A server document and clients synced from it; `send` captures one client transaction's update. */
class World {
  readonly server = new Y.Doc();

  client(): Y.Doc {
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(this.server));
    return c;
  }

  /** Runs `fn` on `client` and returns the update it produced (not yet applied to the server). */
  capture(client: Y.Doc, fn: () => void): Uint8Array {
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => updates.push(u);
    client.on("update", on);
    try {
      fn();
    } finally {
      client.off("update", on);
    }
    return Y.mergeUpdates(updates);
  }

  /** Inspects `update` by both paths (they must agree), and applies it when accepted. */
  send(kind: keyof typeof AUTHORED_MAPS, writer: Writer, update: Uint8Array): Verdict {
    const maps = AUTHORED_MAPS[kind];
    const verdict = inspectUpdate(this.server, update, maps, writer);
    const copy = inspectByCopy(this.server, update, maps, writer);
    expect(copy.ok).toBe(verdict.ok);
    if (verdict.ok) Y.applyUpdate(this.server, update);
    return verdict;
  }

  /** Brings `client` up to the server's state. */
  sync(client: Y.Doc): void {
    Y.applyUpdate(client, Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(client)));
  }
}

const replies = (doc: Y.Doc) => doc.getMap<unknown>("replies");
const annotations = (doc: Y.Doc) => doc.getMap<unknown>("annotations");

describe("checkEntryChange", () => {
  const reply = AUTHORED_MAPS.discussion.replies!;
  const annotation = AUTHORED_MAPS.annotations.annotations!;
  const entry = (author: { id: string; name: string }, body = "x") => ({ id: "r", author, body });

  it("lets a new entry name only its writer", () => {
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, entry(alice))).toBeNull();
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, entry({ id: "alice", name: "Anyone" }))).toBeNull();
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, entry(bob))).toBe("author-forged");
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, { id: "r", author: { id: "bob" }, body: "x" })).toBe("author-forged");
    // No author at all: nobody's (the schemas refuse it; the projection flags it).
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, { id: "r", body: "x" })).toBeNull();
    expect(checkEntryChange(reply, as(alice, "commenter"), entry(alice), { id: "r", body: "x" })).toBe("author-missing");
    expect(checkEntryChange(reply, as(alice, "commenter"), undefined, new Y.Map())).toBe("entry-not-json");
    expect(checkEntryChange(reply, as(alice, "viewer"), undefined, entry(alice))).toBe("role-forbidden");
    expect(checkEntryChange(annotation, as(alice, "commenter"), undefined, entry(alice))).toBe("role-forbidden");
  });

  it("replies: changed and removed by their author only, whatever the role", () => {
    expect(checkEntryChange(reply, as(alice, "commenter"), entry(alice), entry(alice, "y"))).toBeNull();
    expect(checkEntryChange(reply, as(alice, "commenter"), entry(alice), undefined)).toBeNull();
    expect(checkEntryChange(reply, as(alice, "owner"), entry(bob), entry(bob, "y"))).toBe("not-author");
    expect(checkEntryChange(reply, as(alice, "owner"), entry(bob), undefined)).toBe("entry-removed");
    expect(checkEntryChange(reply, as(alice, "commenter"), entry(alice), entry(bob))).toBe("author-changed");
  });

  it("annotations: editors change anyone's, keeping the author; remove only their own", () => {
    expect(checkEntryChange(annotation, as(alice, "editor"), entry(bob), entry(bob, "y"))).toBeNull();
    expect(checkEntryChange(annotation, as(alice, "editor"), entry(bob), entry(alice))).toBe("author-changed");
    expect(checkEntryChange(annotation, as(alice, "editor"), entry(bob), entry({ id: "bob", name: "Bobby" }))).toBe("author-changed");
    expect(checkEntryChange(annotation, as(alice, "editor"), entry(bob), undefined)).toBe("entry-removed");
    expect(checkEntryChange(annotation, as(alice, "editor"), { id: "r" }, entry(alice))).toBeNull();
    expect(checkEntryChange(annotation, as(alice, "editor"), { id: "r" }, entry(bob))).toBe("author-forged");
  });

  it("reads authors from plain JSON only", () => {
    expect(authorOf({ author: { id: "a", name: "A" } })).toEqual({ id: "a", name: "A" });
    expect(authorOf({ author: { id: 1, name: "A" } })).toBeNull();
    expect(authorOf([{ author: { id: "a", name: "A" } }])).toBeNull();
  });
});

describe("discussion document (replies)", () => {
  it("a commenter adds, edits and deletes their own reply; the fast path decides", () => {
    const w = new World();
    const c = w.client();
    let id = "";
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => (id = addReply(c, { annotationId: "a1", body: "first" }, alice, now).id)))).toEqual({ ok: true, path: "fast" });
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => editReply(c, id, "edited", alice, later)))).toEqual({ ok: true, path: "fast" });
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => deleteReply(c, id, alice, later)))).toEqual({ ok: true, path: "fast" });
  });

  it("refuses a commenter's edit, soft delete and removal of someone else's reply", () => {
    const w = new World();
    const b = w.client();
    const id = addReply(b, { annotationId: "a1", body: "Bob's" }, bob, now).id;
    w.send("discussion", as(bob, "commenter"), Y.encodeStateAsUpdate(b));
    const c = w.client();
    const original = replies(c).get(id) as Record<string, unknown>;
    const forged = w.capture(c, () => replies(c).set(id, { ...original, body: "forged" }));
    expect(w.send("discussion", as(alice, "commenter"), forged)).toMatchObject({ ok: false, path: "fast", reason: "not-author", map: "replies", key: id });
    const c2 = w.client();
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c2, () => replies(c2).set(id, { ...original, deleted: true })))).toMatchObject({ ok: false, reason: "not-author" });
    const c3 = w.client();
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c3, () => replies(c3).delete(id)))).toMatchObject({ ok: false, path: "fast", reason: "entry-removed" });
    // Owners may not either: no permission covers someone else's reply.
    const c4 = w.client();
    expect(w.send("discussion", as(alice, "owner"), w.capture(c4, () => replies(c4).set(id, { ...original, body: "moderated" })))).toMatchObject({ ok: false, reason: "not-author" });
    expect((replies(w.server).get(id) as { body: string }).body).toBe("Bob's");
  });

  it("refuses a reply in someone else's name", () => {
    const w = new World();
    const c = w.client();
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => addReply(c, { annotationId: "a1", body: "in Bob's name" }, bob, now)))).toMatchObject({ ok: false, reason: "author-forged" });
    expect(replies(w.server).size).toBe(0);
  });

  it("undoing one's own new reply removes the key, which is allowed", () => {
    const w = new World();
    const c = w.client();
    const undo = createUndoManager(c, "discussion");
    w.send("discussion", as(alice, "commenter"), w.capture(c, () => addReply(c, { annotationId: "a1", body: "oops" }, alice, now)));
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => undo.undo()))).toMatchObject({ ok: true });
    expect(replies(w.server).size).toBe(0);
    expect(w.send("discussion", as(alice, "commenter"), w.capture(c, () => undo.redo()))).toMatchObject({ ok: true });
    expect(replies(w.server).size).toBe(1);
  });

  it("an offline session (create, edit, create) sent at once is checked write by write", () => {
    const w = new World();
    const c = w.client();
    const update = w.capture(c, () => {
      const r = addReply(c, { annotationId: "a1", body: "one" }, alice, now);
      editReply(c, r.id, "one, edited", alice, later);
      addReply(c, { annotationId: "a1", body: "two" }, alice, now);
    });
    expect(w.send("discussion", as(alice, "commenter"), update)).toEqual({ ok: true, path: "fast" });
    // The same, sent as a resync (SyncStep2 against the server's state vector).
    const w2 = new World();
    const c2 = w2.client();
    const r = addReply(c2, { annotationId: "a1", body: "one" }, alice, now);
    editReply(c2, r.id, "one, edited", alice, later);
    deleteReply(c2, r.id, alice, later);
    expect(w2.send("discussion", as(alice, "commenter"), Y.encodeStateAsUpdate(c2, Y.encodeStateVector(w2.server)))).toMatchObject({ ok: true });
  });

  it("refuses an update whose dependencies the server lacks (it would be applied later, unchecked)", () => {
    const w = new World();
    const b = w.client();
    const id = addReply(b, { annotationId: "a1", body: "Bob's" }, bob, now).id;
    w.send("discussion", as(bob, "commenter"), Y.encodeStateAsUpdate(b));
    const c = w.client();
    const first = w.capture(c, () => addReply(c, { annotationId: "a1", body: "mine" }, alice, now));
    const second = w.capture(c, () => replies(c).set(id, { ...(replies(c).get(id) as object), body: "forged" }));
    // The forged edit first: its clock follows a struct the server has not seen.
    expect(w.send("discussion", as(alice, "commenter"), second)).toMatchObject({ ok: false, path: "fast", reason: "update-incomplete" });
    expect(w.send("discussion", as(alice, "commenter"), first)).toMatchObject({ ok: true });
    expect(w.send("discussion", as(alice, "commenter"), second)).toMatchObject({ ok: false, reason: "not-author" });
    expect(w.server.store.pendingStructs).toBeNull();
  });

  it("refuses an update that builds on another client's struct the server has not seen", () => {
    const w = new World();
    const b = w.client();
    const c = w.client();
    const unseen = w.capture(b, () => addReply(b, { annotationId: "a1", body: "not sent yet" }, bob, now));
    Y.applyUpdate(c, unseen); // c learnt it some other way (the server never did)
    const r = [...replies(c).keys()][0]!;
    const update = w.capture(c, () => replies(c).set(r, { ...(replies(c).get(r) as object), body: "edited" }));
    expect(w.send("discussion", as(alice, "commenter"), update)).toMatchObject({ ok: false, path: "fast", reason: "update-incomplete" });
    const del = w.capture(c, () => replies(c).delete(r));
    expect(w.send("discussion", as(bob, "commenter"), del)).toMatchObject({ ok: false, reason: "update-incomplete" });
  });
});

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
