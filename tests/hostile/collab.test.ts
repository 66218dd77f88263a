/**
 * Hostile traffic on the collab socket: forged, expired and foreign tokens, writes without the
 * role, unknown roots and shapes, oversized notes and documents, malformed frames. Every case
 * prints its outcome; none may be accepted or leave anything in the stored state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { annotationsDocName, discussionDocName, metaDocName } from "../../lib/core/collab/doc-names";
import type { CollabServer } from "../../lib/collab/server";
import { mintConnectionToken } from "../../lib/collab/auth/token";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, outcomeOf, startCollab, token, waitFor } from "../collab/support/harness";
import { record, results } from "./support";

let server: CollabServer;
let world: World;
let paper: { id: string };
const LIMITS = { maxNoteBytes: 2_000, maxDocumentBytes: 200_000 };

beforeAll(async () => {
  server = await startCollab({ documentLimits: LIMITS });
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

const names = () => ({
  annotations: annotationsDocName(world.workspace.id, paper.id),
  discussion: discussionDocName(world.workspace.id, paper.id),
  meta: metaDocName(world.workspace.id),
});

/** Connects, and reports "ok" or the refusal. */
async function connectAs(name: string, userId: string, tokenValue?: string, origin?: string | null): Promise<string> {
  return outcomeOf(connect(server, name, userId, { ...(tokenValue ? { tokenValue } : {}), ...(origin !== undefined ? { origin } : {}) }));
}

describe("collab authentication", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ["token signed with another secret", async () => connectAs(names().annotations, world.members.owner.id, await mintConnectionToken({ userId: world.members.owner.id, kind: "browser", sessionVersion: 0, secret: "x".repeat(32) }))],
    ["expired token", async () => connectAs(names().annotations, world.members.owner.id, await token(world.members.owner.id, "browser", { now: new Date(Date.now() - 3_600_000) }))],
    ["token of a non-member", async () => connectAs(names().annotations, world.outsider.id)],
    ["token minted for an ended session", async () => {
      await prisma.user.update({ where: { id: world.target.id }, data: { sessionVersion: { increment: 1 } } });
      return connectAs(names().annotations, world.target.id, await token(world.target.id, "browser", { sessionVersion: 0 }));
    }],
    ["a browser token without Origin", async () => connectAs(names().annotations, world.members.owner.id, await token(world.members.owner.id, "browser"), null)],
    ["document name of another workspace", async () => connectAs(annotationsDocName("c".repeat(25), paper.id), world.members.owner.id)],
    ["document name with traversal characters", async () => connectAs(`ws:${world.workspace.id}:doc:../../etc`, world.members.owner.id)],
  ];
  for (const [name, run] of cases)
    it(name, async () => {
      const outcome = await run();
      expect(record("collab", name, { status: outcome === "ok" ? 200 : 403, accepted: outcome === "ok", detail: outcome }).accepted).toBe(false);
    });
});

/** Writes `change` as `userId` on `name`; "refused" when the server closed the socket instead of keeping it. */
async function write(name: string, userId: string, change: (doc: Y.Doc) => void): Promise<string> {
  const handle = connect(server, name, userId);
  await handle.ready;
  const closes: number[] = [];
  handle.provider.configuration.websocketProvider.on("close", ({ event }: { event: { code: number } }) => closes.push(event.code));
  change(handle.doc);
  return Promise.race([
    waitFor(() => closes.length > 0, "close", 4_000).then(() => `closed ${closes[0]}`),
    waitFor(() => handle.settled() && closes.length === 0, "settled", 4_000).then(() => new Promise<string>((r) => setTimeout(() => r(closes.length ? `closed ${closes[0]}` : "ok"), 300))),
  ]).catch(() => "timeout");
}

async function storedDoc(name: string): Promise<Y.Doc> {
  await new Promise((r) => setTimeout(r, 600)); // store debounce of the test server
  const row = await prisma.collabDocument.findUnique({ where: { name } });
  const doc = new Y.Doc();
  if (row?.state) Y.applyUpdate(doc, row.state);
  const live = server.server.hocuspocus.documents.get(name);
  if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return doc;
}

describe("collab writes", () => {
  const noteLength = (d: Y.Doc, key: string) => (d.getMap("notes").get(key) as Y.XmlFragment | undefined)?.toString().length ?? 0;
  const cases: Array<[string, () => string, () => string, (d: Y.Doc) => void, (stored: Y.Doc) => boolean]> = [
    ["commenter writes an arbitrary root map into the discussion", () => names().discussion, () => world.members.commenter.id, (d) => d.getMap("pwned").set("x", "y".repeat(1000)), (s) => s.share.has("pwned")],
    ["commenter writes a Y.Map as a reply", () => names().discussion, () => world.members.commenter.id, (d) => d.getMap("replies").set("r1", new Y.Map()), (s) => s.getMap("replies").has("r1")],
    ["commenter uses the replies root as a list", () => names().discussion, () => world.members.commenter.id, (d) => d.getArray("replies").insert(0, ["junk"]), (s) => s.getArray("replies").length > 0],
    ["editor creates a Y.Text root in the annotations document", () => names().annotations, () => world.members.editor.id, (d) => d.getText("payload").insert(0, "x".repeat(500)), (s) => s.share.has("payload")],
    ["editor stores a string where a note fragment belongs", () => names().annotations, () => world.members.editor.id, (d) => d.getMap("notes").set("n1", "not a fragment"), (s) => s.getMap("notes").has("n1")],
    ["editor writes a note past the note size limit at once", () => names().annotations, () => world.members.editor.id, (d) => d.transact(() => {
      const f = new Y.XmlFragment();
      d.getMap("notes").set("big-note", f);
      f.insert(0, [new Y.XmlText("長".repeat(LIMITS.maxNoteBytes + 10))]);
    }), (s) => noteLength(s, "big-note") > LIMITS.maxNoteBytes],
    ["editor grows a note past the limit in steps", () => names().annotations, () => world.members.editor.id, (d) => {
      const f = new Y.XmlFragment();
      d.getMap("notes").set("step-note", f);
      const t = new Y.XmlText();
      f.insert(0, [t]);
      for (let i = 0; i < 30; i++) t.insert(0, "x".repeat(100));
    }, (s) => noteLength(s, "step-note") > LIMITS.maxNoteBytes],
    ["editor writes past the document size limit", () => names().meta, () => world.members.editor.id, (d) => {
      for (let i = 0; i < 30; i++) d.getMap("positions").set(`p${i}`, { blob: "z".repeat(8_000) });
    }, (s) => Y.encodeStateAsUpdate(s).length > LIMITS.maxDocumentBytes],
    ["viewer writes into the annotations", () => names().annotations, () => world.members.viewer.id, (d) => d.getMap("annotations").set("a", { id: "a" }), (s) => s.getMap("annotations").has("a")],
  ];
  for (const [name, doc, user, change, garbage] of cases)
    it(name, async () => {
      const outcome = await write(doc(), user(), change);
      const stored = await storedDoc(doc());
      expect(record("collab", name, { status: outcome.startsWith("closed") ? 403 : 200, accepted: garbage(stored), detail: outcome }).accepted).toBe(false);
    });

  it("a malformed sync frame is refused and the server keeps serving", async () => {
    const handle = connect(server, names().annotations, world.members.editor.id);
    await handle.ready;
    const ws = (handle.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    const closed = new Promise<number>((r) => ws.addEventListener("close", (e) => r(e.code)));
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, names().annotations);
    encoding.writeVarUint(enc, 0); // sync
    encoding.writeVarUint(enc, 2); // update
    encoding.writeVarUint(enc, 5000); // claims 5,000 bytes, sends 3
    encoding.writeUint8Array(enc, Uint8Array.from([1, 2, 3]));
    ws.send(encoding.toUint8Array(enc));
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 3000))]);
    const again = await connectAs(names().annotations, world.members.owner.id);
    expect(record("collab", "malformed sync frame", { status: code ? 400 : 200, accepted: code === 0 || again !== "ok", detail: `closed ${code}, next client ${again}` }).accepted).toBe(false);
  });

  it("an undecodable update inside a well-formed frame is refused", async () => {
    const handle = connect(server, names().discussion, world.members.commenter.id);
    await handle.ready;
    const ws = (handle.provider.configuration.websocketProvider as unknown as { webSocket: WebSocket }).webSocket;
    const closed = new Promise<number>((r) => ws.addEventListener("close", (e) => r(e.code)));
    const enc = encoding.createEncoder();
    encoding.writeVarString(enc, names().discussion);
    encoding.writeVarUint(enc, 0);
    encoding.writeVarUint(enc, 2);
    encoding.writeVarUint8Array(enc, Uint8Array.from([7, 250, 250, 250, 250, 1, 9, 9, 9]));
    ws.send(encoding.toUint8Array(enc));
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 3000))]);
    expect(record("collab", "undecodable update bytes", { status: code ? 400 : 200, accepted: code === 0, detail: `closed ${code}` }).accepted).toBe(false);
  });

  it("summary: nothing accepted", () => {
    console.log(`hostile | summary (collab): ${results.length} cases, ${results.filter((r) => r.accepted).length} accepted`);
    expect(results.filter((r) => r.accepted)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(15);
  });
});
