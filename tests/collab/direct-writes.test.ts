/** Direct writes (imports, API, scripts) reach connected clients at once and are stored. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, listAnnotations, metaDocName } from "../../lib/collab/model";
import { mintInternalToken } from "../../lib/collab/auth/token";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, SECRET, startCollab, waitFor } from "./support/harness";

let server: CollabServer;
let world: World;
let paper: Awaited<ReturnType<typeof makeDocument>>;
let http: string;

beforeAll(async () => {
  server = await startCollab();
  world = await makeWorld();
  paper = await makeDocument(world.workspace.id, world.members.owner.id);
  http = server.url.replace(/^ws/, "http");
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

async function post(body: unknown, tokenValue?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${http}/internal/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${tokenValue ?? (await mintInternalToken(SECRET))}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("direct writes", () => {
  it("reach a connected client at once and land in the projection", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const reader = connect(server, name, world.members.viewer.id);
    await reader.ready;
    const editor = world.members.editor;
    const { status, json } = await post({
      documentName: name,
      actor: { id: editor.id, name: editor.name },
      operations: [
        { op: "createAnnotation", input: { id: "imported-1", anchor: buildAnchor(paper.text, paper.versionId, 0, 4), colour: "#00aa00", note: "W3C import" } },
        { op: "createAnnotation", input: { anchor: buildAnchor(paper.text, paper.versionId, 8, 12), colour: "#00aa00" } },
      ],
    });
    expect(status).toBe(200);
    expect(json.ids).toHaveLength(2);
    await waitFor(() => listAnnotations(reader.doc).length === 2, "annotations at the connected reader");
    // Stored without waiting for the debounce: the direct connection stores on disconnect.
    expect(await prisma.annotation.count({ where: { collabName: name } })).toBe(2);
  });

  it("is all or nothing", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const editor = world.members.editor;
    const { status } = await post({
      documentName: name,
      actor: { id: editor.id, name: editor.name },
      operations: [
        { op: "createAnnotation", input: { id: "half-1", anchor: buildAnchor(paper.text, paper.versionId, 0, 4), colour: "#00aa00" } },
        { op: "setStatus", id: "does-not-exist", status: "resolved" },
      ],
    });
    expect(status).toBe(404);
    expect(await prisma.annotation.findFirst({ where: { id: "half-1" } })).toBeNull();
  });

  it("refuses bad tokens, roles that may not write and operations that do not fit", async () => {
    const name = annotationsDocName(world.workspace.id, paper.id);
    const op = { op: "createAnnotation", input: { anchor: buildAnchor(paper.text, paper.versionId, 0, 4), colour: "#00aa00" } };
    const as = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });
    expect((await post({ documentName: name, actor: as(world.members.editor), operations: [op] }, "forged")).status).toBe(401);
    expect((await post({ documentName: name, actor: as(world.members.commenter), operations: [op] })).status).toBe(403);
    expect((await post({ documentName: name, actor: as(world.outsider), operations: [op] })).status).toBe(404);
    expect((await post({ documentName: metaDocName(world.workspace.id), actor: as(world.members.editor), operations: [op] })).status).toBe(400);
    expect((await post({ documentName: "ws:x:doc:y:z", actor: as(world.members.editor), operations: [op] })).status).toBe(400);
    expect((await post({ nonsense: true })).status).toBe(400);
  });
});
