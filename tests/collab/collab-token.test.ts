/** The web side: the token operation behind /api/collab-token, health, and web → collab direct writes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, metaDocName } from "../../lib/collab/model";
import { verifyConnectionToken } from "../../lib/collab/auth/token";
import type { CollabServer } from "../../lib/collab/server";
import { issueCollabTokenOp } from "../../lib/server/collab/issue-collab-token";
import { sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { healthOp } from "../../lib/server/health/check-health";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { makeDocument, SECRET, startCollab } from "./support/harness";

let server: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
  process.env.COLLAB_TOKEN_SECRET = SECRET;
  process.env.COLLAB_PORT = String(server.port);
  delete process.env.COLLAB_PUBLIC_URL;
  delete process.env.COLLAB_INTERNAL_URL;
});
afterAll(async () => {
  process.env = saved;
  await server.destroy();
});

describe("collab token", () => {
  it("mints a verifiable token and the ws url for members", async () => {
    const out = await issueCollabTokenOp.execute(world.members.viewer, { documentName: annotationsDocName(world.workspace.id, paper.id), host: "reader.example:3000" });
    // ?route= lets a proxy send a workspace's sockets to one collab instance (deploy/Caddyfile).
    expect(out.url).toBe(`ws://reader.example:${server.port}/?route=${world.workspace.id}`);
    const forPage = await issueCollabTokenOp.execute(world.members.viewer, { workspaceId: world.workspace.id, host: "reader.example" });
    expect(new URL(forPage.url).searchParams.get("route")).toBe(world.workspace.id);
    expect(await verifyConnectionToken(out.token, SECRET)).toEqual({ sessionVersion: 0, userId: world.members.viewer.id, kind: "browser" });
    expect((await issueCollabTokenOp.execute(world.outsider, {})).token).toBeTruthy();
  });

  it("refuses strangers, non-members and forged names", async () => {
    await expect(issueCollabTokenOp.execute(null, {})).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(issueCollabTokenOp.execute(world.outsider, { documentName: metaDocName(world.workspace.id) })).rejects.toMatchObject({ code: "not_found" });
    await expect(issueCollabTokenOp.execute(world.members.owner, { documentName: "ws:x:../etc" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(issueCollabTokenOp.execute(world.members.owner, { documentName: annotationsDocName(world.workspace.id, "nope") })).rejects.toMatchObject({ code: "not_found" });
    const evil = await issueCollabTokenOp.execute(world.members.owner, { host: "evil/path?x" });
    expect(evil.url).toBe(`ws://localhost:${server.port}`);
  });
});

describe("health and web → collab writes", () => {
  it("reports the collab server", async () => {
    const report = await healthOp.execute(null, {});
    expect(report.collab).toMatchObject({ status: "ok" });
    expect(report.status).toBe("ok");
  });

  it("sends direct writes from the web process", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const { ids } = await sendCollabOperations({
      documentName: name,
      actor: { id: world.members.editor.id, name: world.members.editor.name },
      operations: [{ op: "createAnnotation", input: { anchor: buildAnchor(paper.text, paper.versionId, 0, 3), colour: "#112233" } }],
    });
    expect(await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } })).toEqual([{ id: ids[0] }]);
    await expect(
      sendCollabOperations({ documentName: name, actor: { id: world.members.viewer.id, name: "v" }, operations: [{ op: "deleteAnnotation", id: ids[0]! }] }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
