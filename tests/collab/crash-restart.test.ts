/**
 * kill -9 of the collab process while clients write: after a restart and reconnect nothing is
 * lost — neither what the server had acknowledged (append log) nor what clients sent while it
 * was down (Yjs resync on reconnect).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { annotationsDocName, buildAnchor, checkAnchor, createAnnotation, listAnnotations } from "../../lib/collab/model";
import { freePort } from "../../lib/infra/db/embedded";
import { prisma } from "../../lib/infra/db/client";
import { openCollabDoc, type CollabDocHandle } from "../../lib/collab/client/connect";
import { makeWorld, type World } from "../support/factories";
import { startChildCollab, type ChildCollab } from "./support/child-server";
import { makeDocument, ORIGIN, SECRET, token, waitFor } from "./support/harness";

let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
let name: string;
let port: number;
let child: ChildCollab | null = null;
const handles: CollabDocHandle[] = [];

beforeAll(async () => {
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
  name = annotationsDocName(world.workspace.id, paper.id);
  port = await freePort();
});
afterEach(() => {
  for (const h of handles.splice(0)) h.destroy();
});
afterAll(async () => {
  await child?.kill("SIGKILL");
});

const start = () => startChildCollab({ port, databaseUrl: inject("databaseUrl"), secret: SECRET, origin: ORIGIN, env: { COLLAB_DEBOUNCE_MS: "2000" } });

function client(userId: string): CollabDocHandle {
  const h = openCollabDoc({ url: `ws://127.0.0.1:${port}`, name, token: () => token(userId), origin: ORIGIN });
  handles.push(h);
  return h;
}

function writeOne(h: CollabDocHandle, i: number, actor: { id: string; name: string }): string {
  let at = (i * 7) % (paper.text.length - 8);
  // Never start or end inside 𠮷 (a surrogate pair): the projection would rightly flag it.
  while (checkAnchor(paper.text, buildAnchor(paper.text, paper.versionId, at, at + 5))) at++;
  return createAnnotation(h.doc, { anchor: buildAnchor(paper.text, paper.versionId, at, at + 5), colour: "#aa5500" }, actor, new Date()).id;
}

describe("crash and restart", () => {
  it("keeps acknowledged updates when the server dies before storing them", async () => {
    child = await start();
    const editor = world.members.editor;
    const actor = { id: editor.id, name: editor.name };
    const writer = client(editor.id);
    await writer.ready;
    const ids = Array.from({ length: 30 }, (_, i) => writeOne(writer, i, actor));
    await waitFor(() => writer.settled(), "all updates acknowledged");
    // Acknowledged, but the debounced store has not run yet: only the append log holds them.
    await child.kill("SIGKILL");
    writer.destroy(); // the writer is gone too: nobody can resync these updates
    child = await start();
    const reader = client(world.members.viewer.id);
    await reader.ready;
    expect(new Set(listAnnotations(reader.doc).map((a) => a.id))).toEqual(new Set(ids));
    await waitFor(async () => (await prisma.annotation.count({ where: { collabName: name } })) === ids.length, "recovered annotations projected");
    await child.kill("SIGTERM");
    child = null;
  });

  it("loses nothing clients write while it is killed, restarted and reconnected", async () => {
    child = await start();
    const writers = [world.members.owner, world.members.editor].map((u) => ({ u, h: client(u.id) }));
    await Promise.all(writers.map((w) => w.h.ready));
    const created: string[] = [];
    let i = 1000;
    let writing = true;
    const loop = (async () => {
      while (writing) {
        for (const w of writers) created.push(writeOne(w.h, i++, { id: w.u.id, name: w.u.name }));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await waitFor(() => created.length > 40, "some writes");
    await child.kill("SIGKILL");
    await waitFor(() => created.length > 80, "writes while the server is down");
    child = await start();
    await waitFor(() => created.length > 120, "writes after the restart");
    writing = false;
    await loop;
    await waitFor(() => writers.every((w) => w.h.provider.isSynced && w.h.settled()), "clients reconnected and settled", 20_000);
    await waitFor(async () => (await prisma.annotation.count({ where: { collabName: name } })) >= created.length + 30, "projection complete", 15_000);
    const inDb = new Set((await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).map((r) => r.id));
    expect(created.filter((id) => !inDb.has(id))).toEqual([]);
  }, 60_000);
});
