/**
 * Scale-out: two real collab servers on port 0 joined by the machine's real Redis. Clients of
 * one document on different instances see each other's changes and awareness; a direct write on
 * one instance reaches a client on the other; revocation closes a connection on either; and the
 * stored state and projection hold every annotation exactly once with two writers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, createAnnotation, listAnnotations } from "../../lib/collab/model";
import { mintInternalToken } from "../../lib/collab/auth/token";
import type { CollabServer } from "../../lib/collab/server";
import type { CollabContext } from "../../lib/collab/server/context";
import { prisma } from "../../lib/infra/db/client";
import { removeMemberOp } from "../../lib/server/members/remove-member";
import { makeUser, makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, SECRET, startCollab, waitFor } from "./support/harness";
import { REDIS_URL, redisReachable, runPrefix } from "./support/redis";

const reachable = await redisReachable();
if (!reachable) {
  process.stderr.write(`\n[scale-out] SKIPPED: Redis is not reachable at ${REDIS_URL} (set REDIS_URL). CI must have it.\n\n`);
}

let a: CollabServer;
let b: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
let name: string;

describe.skipIf(!reachable)("two collab instances joined by Redis", () => {
  beforeAll(async () => {
    const redis = { url: REDIS_URL, prefix: runPrefix("scale") };
    [a, b] = await Promise.all([startCollab({ redis: { ...redis, identifier: "A" } }), startCollab({ redis: { ...redis, identifier: "B" } })]);
    world = await makeWorld();
    paper = await makeDocument(world.workspace.id, world.members.owner.id);
    name = annotationsDocName(world.workspace.id, paper.id);
  });
  afterEach(() => disconnectAll());
  afterAll(async () => {
    await Promise.all([a?.destroy(), b?.destroy()]);
  });

  const annotate = (doc: Parameters<typeof createAnnotation>[0], who: { id: string; name: string }, start: number, note: string) =>
    createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 4), colour: "#3366ff", note }, { id: who.id, name: who.name }, new Date()).id;

  it("shows each instance's edits and awareness to clients of the other", async () => {
    const onA = connect(a, name, world.members.owner.id);
    const onB = connect(b, name, world.members.editor.id);
    await Promise.all([onA.ready, onB.ready]);
    expect(a.server.hocuspocus.documents.has(name) && b.server.hocuspocus.documents.has(name)).toBe(true);

    const fromA = annotate(onA.doc, world.members.owner, 0, "from A");
    await waitFor(() => listAnnotations(onB.doc).some((x) => x.id === fromA), "A's annotation at B's client");
    const fromB = annotate(onB.doc, world.members.editor, 10, "from B");
    await waitFor(() => listAnnotations(onA.doc).some((x) => x.id === fromB), "B's annotation at A's client");

    // The server stamps the authenticated identity on awareness states (authenticate.ts).
    onA.provider.setAwarenessField("cursor", { anchor: 3 });
    const ownerId = world.members.owner.id;
    await waitFor(() => [...onB.provider.awareness!.getStates().values()].some((s) => (s.user as { id?: string } | undefined)?.id === ownerId && s.cursor), "A's awareness at B's client");
  });

  it("delivers a direct write made on A to a client on B", async () => {
    const onB = connect(b, name, world.members.viewer.id);
    await onB.ready;
    const editor = world.members.editor;
    const res = await fetch(`${a.url.replace(/^ws/, "http")}/internal/operations`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${await mintInternalToken(SECRET)}` },
      body: JSON.stringify({
        documentName: name,
        actor: { id: editor.id, name: editor.name },
        operations: [{ op: "createAnnotation", input: { id: "direct-on-a", anchor: buildAnchor(paper.text, paper.versionId, 20, 26), colour: "#00aa00" } }],
      }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => listAnnotations(onB.doc).some((x) => x.id === "direct-on-a"), "the direct write at B's client", 5_000);
  });

  it("closes the connection of a member revoked while connected to B", async () => {
    const member = await makeUser("revoked-on-b");
    await prisma.membership.create({ data: { workspaceId: world.workspace.id, userId: member.id, role: "viewer" } });
    const onB = connect(b, name, member.id);
    await onB.ready;
    const failures: string[] = [];
    onB.provider.on("authenticationFailed", ({ reason }: { reason: string }) => failures.push(reason));
    const connectedOnB = () => (b.server.hocuspocus.documents.get(name)?.getConnections() ?? []).filter((c) => (c.context as CollabContext).userId === member.id).length;
    expect(connectedOnB()).toBe(1);
    await removeMemberOp.execute(world.members.owner, { workspaceId: world.workspace.id, userId: member.id });
    await waitFor(() => connectedOnB() === 0, "the revoked connection closed on B", 5_000);
    await waitFor(() => failures.length > 0, "the reconnect refused", 10_000);
    expect(failures[0]).toBe("forbidden");
  });

  it("stores every annotation of two concurrent writers exactly once", async () => {
    const second = await makeDocument(world.workspace.id, world.members.owner.id);
    const doc2 = annotationsDocName(world.workspace.id, second.id);
    const onA = connect(a, doc2, world.members.owner.id);
    const onB = connect(b, doc2, world.members.editor.id);
    await Promise.all([onA.ready, onB.ready]);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [h, who] = i % 2 ? [onB, world.members.editor] : [onA, world.members.owner];
      ids.push(createAnnotation(h.doc, { anchor: buildAnchor(second.text, second.versionId, i, i + 3), colour: "#ff6633", note: `n${i}` }, { id: who.id, name: who.name }, new Date()).id);
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 60)); // let debounced stores interleave
    }
    await waitFor(() => listAnnotations(onA.doc).length === 20 && listAnnotations(onB.doc).length === 20, "both clients hold all 20");
    await waitFor(async () => (await prisma.annotation.count({ where: { collabName: doc2 } })) === 20, "20 projected rows", 10_000);
    disconnectAll();
    // Both instances store on the last disconnect and unload; the log is compacted by each.
    await waitFor(() => !a.server.hocuspocus.documents.has(doc2) && !b.server.hocuspocus.documents.has(doc2), "both instances unloaded the document", 10_000);
    const rows = await prisma.annotation.findMany({ where: { collabName: doc2 }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(await prisma.collabUpdate.count({ where: { name: doc2 } })).toBe(0);
  });
});
