/**
 * Per-update authorship through the real collab server, real providers and PostgreSQL: a
 * commenter cannot rewrite someone else's reply, an editor cannot create an annotation in
 * someone else's name — refused before the durable log, so neither the live document, the other
 * clients, the stored state nor the projection ever hold it — while normal work goes through.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addReply,
  annotationsDocName,
  buildAnchor,
  createAnnotation,
  createLink,
  discussionDocName,
  editReply,
  getNoteFragment,
  listAnnotations,
  listArgumentLinks,
  listReplies,
  metaDocName,
  tagAnnotations,
  updateAnnotation,
  upsertTheme,
  type ReplyEntry,
} from "../../lib/collab/model";
import { catalogOf } from "../../lib/core/argument";
import type { CollabServer } from "../../lib/collab/server";
import { UPDATE_REFUSED_CLOSE } from "../../lib/collab/server/extensions/check-authorship";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, startCollab, waitFor } from "./support/harness";

let server: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
const now = new Date("2026-03-01T10:00:00.000Z");
const actor = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

/** Close codes the provider of `handle` receives from the server. */
function closeCodes(handle: ReturnType<typeof connect>): number[] {
  const codes: number[] = [];
  handle.provider.on("close", ({ event }: { event: { code: number } }) => codes.push(event.code));
  return codes;
}

/** The live server document `name` (loaded while someone is connected). */
function serverDoc(name: string): Y.Doc {
  const doc = server.server.hocuspocus.documents.get(name);
  if (!doc) throw new Error(`${name} is not loaded`);
  return doc;
}

/** What is durably stored for `name`: the last stored state plus the append log. */
async function storedDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await prisma.collabDocument.findUnique({ where: { name } });
  if (state) Y.applyUpdate(doc, state.state);
  for (const row of await prisma.collabUpdate.findMany({ where: { name }, orderBy: { id: "asc" } })) Y.applyUpdate(doc, row.update);
  return doc;
}

const replyIn = (doc: Y.Doc, id: string) => doc.getMap<ReplyEntry>("replies").get(id);

describe("authorship of entries", () => {
  it("refuses a commenter's raw edit of someone else's reply; live, stored and projected state keep the original", async () => {
    const name = discussionDocName(world.workspace.id, paper.id);
    const { editor, commenter } = world.members;
    const bob = connect(server, name, editor.id);
    await bob.ready;
    const original = addReply(bob.doc, { annotationId: "a1", body: "出典は第2節です" }, actor(editor), now);
    await waitFor(() => prisma.reply.findFirst({ where: { id: original.id } }), "reply projected");
    const logRows = await prisma.collabUpdate.count({ where: { name } });

    const mallory = connect(server, name, commenter.id);
    await mallory.ready;
    const closed = closeCodes(mallory);
    // Around the library: the same entry with another body, as raw Yjs would send it.
    mallory.doc.getMap("replies").set(original.id, { ...original, body: "改竄された本文", editedAt: now.toISOString() });
    await waitFor(() => closed.includes(UPDATE_REFUSED_CLOSE.code), "connection closed with update-refused");
    mallory.destroy(); // its copy still holds the forged edit, and would offer it on every reconnect

    expect(replyIn(serverDoc(name), original.id)?.body).toBe(original.body);
    // Nobody else ever receives it, and it never reaches the append log.
    await new Promise((r) => setTimeout(r, 400)); // longer than the store debounce
    expect(replyIn(bob.doc, original.id)?.body).toBe(original.body);
    expect(bob.settled()).toBe(true);
    expect(await prisma.collabUpdate.count({ where: { name } })).toBeLessThanOrEqual(logRows);
    expect(replyIn(await storedDoc(name), original.id)?.body).toBe(original.body);
    expect((await prisma.reply.findFirstOrThrow({ where: { id: original.id } })).body).toBe(original.body);

    // A raw deletion of the key is refused the same way.
    const again = connect(server, name, commenter.id);
    await again.ready;
    const closedAgain = closeCodes(again);
    again.doc.getMap("replies").delete(original.id);
    await waitFor(() => closedAgain.includes(UPDATE_REFUSED_CLOSE.code), "deletion refused");
    again.destroy();
    expect(replyIn(serverDoc(name), original.id)?.body).toBe(original.body);
  });

  it("lets a commenter add and edit their own reply", async () => {
    const name = discussionDocName(world.workspace.id, paper.id);
    const { commenter, owner } = world.members;
    const c = connect(server, name, commenter.id);
    const o = connect(server, name, owner.id);
    await Promise.all([c.ready, o.ready]);
    const closed = closeCodes(c);
    const mine = addReply(c.doc, { annotationId: "a1", body: "質問です" }, actor(commenter), now);
    editReply(c.doc, mine.id, "質問です（追記）", actor(commenter), new Date(now.getTime() + 60_000));
    await waitFor(() => listReplies(o.doc).find((r) => r.id === mine.id)?.body === "質問です（追記）", "edited reply at the owner");
    await waitFor(() => c.settled(), "acknowledged");
    await waitFor(async () => (await prisma.reply.findFirst({ where: { id: mine.id } }))?.body === "質問です（追記）", "edit projected");
    expect(closed).toEqual([]);
  });

  it("refuses an annotation an editor creates in someone else's name", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const { editor, owner } = world.members;
    const e = connect(server, name, editor.id);
    const o = connect(server, name, owner.id);
    await Promise.all([e.ready, o.ready]);
    const closed = closeCodes(e);
    const start = paper.text.indexOf("反撃能力");
    const forged = createAnnotation(e.doc, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 4), colour: "#cc3300" }, actor(owner), now);
    await waitFor(() => closed.includes(UPDATE_REFUSED_CLOSE.code), "connection closed with update-refused");
    e.destroy();
    expect(serverDoc(name).getMap("annotations").has(forged.id)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(listAnnotations(o.doc).some((a) => a.id === forged.id)).toBe(false);
    expect((await storedDoc(name)).getMap("annotations").has(forged.id)).toBe(false);
    expect(await prisma.annotation.findFirst({ where: { id: forged.id } })).toBeNull();
  });

  it("drops, without closing, what a client sends between a reconnect and its resync; the resync brings it", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const { editor, owner } = world.members;
    const e = connect(server, name, editor.id);
    const o = connect(server, name, owner.id);
    await Promise.all([e.ready, o.ready]);
    const start = paper.text.indexOf("指揮統制");
    const a = createAnnotation(e.doc, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 4), colour: "#336699", note: "課題" }, actor(editor), now);
    await waitFor(() => e.settled(), "annotation acknowledged");
    const closed = closeCodes(e);
    const textNode = (getNoteFragment(e.doc, a.id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // The network drops (the server side closes the socket) ...
    for (const c of server.server.hocuspocus.documents.get(name)!.getConnections()) if ((c.context as { userId: string }).userId === editor.id) c.webSocket.close(4000, "network");
    await waitFor(() => closed.length > 0, "client disconnected");
    // ... the user types offline (the provider drops its queue when it reconnects: the resync
    // carries it) and again the moment the socket is back, before authentication and resync:
    // that update builds on the offline one, which the server does not have yet.
    textNode.insert(textNode.length, "：オフライン");
    const typeOnOpen = () => {
      e.provider.off("open", typeOnOpen);
      textNode.insert(textNode.length, "、再接続直後");
    };
    e.provider.on("open", typeOnOpen);
    await waitFor(() => getNoteFragment(o.doc, a.id)!.toString().includes("課題：オフライン、再接続直後"), "both edits at the other client", 10_000);
    await waitFor(() => e.settled() && e.provider.isSynced, "editor settled again");
    expect(getNoteFragment(serverDoc(name), a.id)!.toString()).toContain("課題：オフライン、再接続直後");
    expect(closed).toEqual([4000]); // no 4422: nothing was refused
  });

  it("leaves the normal flow alone: annotate, type a note, edit another's annotation, tag, link", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const { editor, owner } = world.members;
    const e = connect(server, name, editor.id);
    const o = connect(server, name, owner.id);
    const eMeta = connect(server, metaDocName(world.workspace.id), editor.id);
    await Promise.all([e.ready, o.ready, eMeta.ready]);
    const closed = [...[e, o, eMeta].map(closeCodes)];

    const at = (term: string) => paper.text.indexOf(term);
    const a = createAnnotation(e.doc, { anchor: buildAnchor(paper.text, paper.versionId, at("拡大抑止"), at("拡大抑止") + 4), colour: "#336699", note: "メモ" }, actor(editor), now);
    const b = createAnnotation(o.doc, { anchor: buildAnchor(paper.text, paper.versionId, at("同盟調整"), at("同盟調整") + 4), colour: "#993366" }, actor(owner), now);
    // Typing into the note, character by character, as Tiptap does.
    const textNode = (getNoteFragment(e.doc, a.id)!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    for (const ch of "：信頼性の問題") textNode.insert(textNode.length, ch);
    await waitFor(() => listAnnotations(e.doc).some((x) => x.id === b.id), "owner's annotation at the editor");
    // Editors may change anyone's annotation (annotation.edit), keeping its author.
    updateAnnotation(e.doc, b.id, { colour: "#00aa00" }, now);
    const theme = upsertTheme(eMeta.doc, { name: "抑止", colour: "#112233" }, now);
    tagAnnotations(e.doc, [a.id, b.id], { add: [theme.id] }, [theme], now);
    const end = (id: string) => ({ kind: "annotation" as const, id, documentId: paper.id });
    const link = createLink(eMeta.doc, { from: end(a.id), to: end(b.id), relation: "supports" }, catalogOf([a.id, b.id], []), actor(editor), now);

    await waitFor(() => [e, o, eMeta].every((h) => h.settled()), "everything acknowledged");
    expect(getNoteFragment(o.doc, a.id)!.toString()).toContain("メモ：信頼性の問題");
    expect(listAnnotations(o.doc).find((x) => x.id === b.id)).toMatchObject({ colour: "#00aa00", author: { id: owner.id }, themeIds: [theme.id] });
    expect(listArgumentLinks(eMeta.doc).map((l) => l.id)).toContain(link.id);
    const rows = await waitFor(async () => {
      const r = await prisma.annotation.findMany({ where: { id: { in: [a.id, b.id] } }, include: { themes: true } });
      return r.length === 2 && r.every((x) => x.themes.length === 1) && r.some((x) => x.noteText?.includes("信頼性")) ? r : null;
    }, "annotations, themes and note projected");
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ authorId: owner.id, colour: "#00aa00" });
    await waitFor(() => prisma.link.findFirst({ where: { id: link.id } }), "link projected");
    expect(closed.flat()).toEqual([]);
  });
});
