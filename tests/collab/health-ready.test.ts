/**
 * Per-process probes and graceful shutdown of the collab server: /health is liveness, /ready
 * readiness (503 while draining); shutdown closes the sockets and stores every document, so
 * nothing is left in the append log.
 */
import { afterEach, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, createAnnotation } from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld } from "../support/factories";
import { openCollabDoc } from "../../lib/collab/client/connect";
import { connect, disconnectAll, makeDocument, ORIGIN, startCollab, token, waitFor } from "./support/harness";
import { REDIS_URL, redisReachable, runPrefix } from "./support/redis";

const withRedis = await redisReachable();
const servers: CollabServer[] = [];
afterEach(async () => {
  disconnectAll();
  await Promise.all(servers.splice(0).map((s) => s.destroy()));
});

const get = async (server: CollabServer, path: string) => {
  const res = await fetch(`${server.url.replace(/^ws/, "http")}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("collab probes and shutdown", () => {
  it("answers /health and /ready, and /ready turns 503 while draining", async () => {
    const server = await startCollab({ redis: null });
    servers.push(server);
    expect(await get(server, "/health")).toMatchObject({ status: 200, body: { status: "ok" } });
    expect(await get(server, "/ready")).toEqual({ status: 200, body: { ready: true, draining: false, database: "ok" } });
    server.readiness.drain();
    expect(await get(server, "/ready")).toMatchObject({ status: 503, body: { ready: false, draining: true } });
    expect((await get(server, "/health")).status).toBe(200);
  });

  it.skipIf(!withRedis)("reports Redis in /ready with scale-out on", async () => {
    const server = await startCollab({ redis: { url: REDIS_URL, prefix: runPrefix("ready") } });
    servers.push(server);
    await waitFor(async () => (await get(server, "/ready")).status === 200, "ready with Redis");
    expect((await get(server, "/ready")).body).toMatchObject({ redis: "ok" });
  });

  it("accepts sockets whose URL carries the proxy's ?route= key", async () => {
    const server = await startCollab({ redis: null });
    servers.push(server);
    const world = await makeWorld();
    const paper = await makeDocument(world.workspace.id, world.members.owner.id);
    const handle = openCollabDoc({ url: `${server.url}/?route=${world.workspace.id}`, name: annotationsDocName(world.workspace.id, paper.id), token: () => token(world.members.viewer.id), origin: ORIGIN });
    try {
      await handle.ready;
    } finally {
      handle.destroy();
    }
  });

  it("stores every document and empties the append log on shutdown", async () => {
    // A long debounce: only the shutdown itself can have stored the edit.
    const server = await startCollab({ redis: null, debounceMs: 60_000, maxDebounceMs: 120_000 });
    const world = await makeWorld();
    const paper = await makeDocument(world.workspace.id, world.members.owner.id);
    const name = annotationsDocName(world.workspace.id, paper.id);
    const client = connect(server, name, world.members.owner.id);
    await client.ready;
    const owner = world.members.owner;
    const id = createAnnotation(client.doc, { anchor: buildAnchor(paper.text, paper.versionId, 0, 4), colour: "#3366ff" }, { id: owner.id, name: owner.name }, new Date()).id;
    await waitFor(() => client.settled(), "the edit acknowledged");
    expect(await prisma.annotation.count({ where: { collabName: name } })).toBe(0);
    await server.shutdown({ drainMs: 50 });
    expect(server.server.hocuspocus.getConnectionsCount()).toBe(0);
    expect((await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).map((r) => r.id)).toEqual([id]);
    expect(await prisma.collabUpdate.count({ where: { name } })).toBe(0);
  });
});
