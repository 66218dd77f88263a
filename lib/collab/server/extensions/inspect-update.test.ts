import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addReply, createUndoManager, deleteReply, editReply } from "../../model";
import { AUTHORED_MAPS, authorOf, checkEntryChange } from "./authorship-rules";
import { alice, as, bob, later, now, replies, World } from "./inspect-update.fixture";

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
