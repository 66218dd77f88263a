/**
 * "Link to any text" (issue #13) end to end on the server side: a real collab server on port 0,
 * real providers, the web operation posting its batch to the server's direct connection. The
 * far-end annotation (in the linker's name, anchored with position, quote, context and version)
 * and the link reach connected clients and the projection; refusals write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, createAnnotation, getAnnotation, listAnnotations, listArgumentLinks, metaDocName } from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { linkToTextResultSchema } from "../../lib/core/similar";
import { mintInternalToken } from "../../lib/collab/auth/token";
import { prisma } from "../../lib/infra/db/client";
import { linkToTextOp } from "../../lib/server/links/link-to-text";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, SECRET, startCollab, waitFor } from "../collab/support/harness";

let server: CollabServer;
let world: World;
let other: World;
let source: Awaited<ReturnType<typeof makeDocument>>;
let far: Awaited<ReturnType<typeof makeDocument>>;
const FAR_TEXT = "序論。両国は拡大抑止協議を定期的に開き、核の傘の信頼性を高めることで合意した。𠮷田報告も同じ結論である。";
const PHRASE = "拡大抑止協議を定期的に開き";
let sourceId: string;

beforeAll(async () => {
  server = await startCollab();
  process.env.COLLAB_TOKEN_SECRET = SECRET;
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, "http");
  world = await makeWorld();
  other = await makeWorld();
  source = await makeDocument(world.workspace.id, world.members.owner.id);
  far = await makeDocument(world.workspace.id, world.members.owner.id, FAR_TEXT);
  // The source annotation exists only live (written by a connected editor), not yet projected.
  const editor = connect(server, annotationsDocName(world.workspace.id, source.id), world.members.editor.id);
  await editor.ready;
  sourceId = createAnnotation(editor.doc, { anchor: buildAnchor(source.text, source.versionId, 0, 8), colour: "#00aa00" }, world.members.editor, new Date()).id;
  // Acknowledged by the server: live in its Y.Doc, whatever the projection says yet.
  await waitFor(() => editor.settled(), "source annotation acknowledged");
});
afterAll(async () => {
  disconnectAll();
  await server.destroy();
});

const link = (input: Record<string, unknown>, as = world.members.editor) =>
  linkToTextOp.execute(as, {
    workspaceId: world.workspace.id,
    from: { annotationId: sourceId, documentId: source.id },
    to: { documentId: far.id, start: FAR_TEXT.indexOf(PHRASE), end: FAR_TEXT.indexOf(PHRASE) + PHRASE.length },
    relation: "supports",
    ...input,
  });

describe("link to any text", () => {
  it("creates the far-end annotation in the linker's name and the link, seen live and projected", async () => {
    const reader = connect(server, annotationsDocName(world.workspace.id, far.id), world.members.viewer.id);
    const meta = connect(server, metaDocName(world.workspace.id), world.members.viewer.id);
    await Promise.all([reader.ready, meta.ready]);

    const result = linkToTextResultSchema.parse(await link({ note: "同じ提言" }));
    const start = FAR_TEXT.indexOf(PHRASE);
    expect(result.anchor).toEqual({ versionId: far.versionId, start, end: start + PHRASE.length, exact: PHRASE, prefix: FAR_TEXT.slice(0, start), suffix: FAR_TEXT.slice(start + PHRASE.length, start + PHRASE.length + 32) });

    const seen = await waitFor(() => getAnnotation(reader.doc, result.annotationId), "far-end annotation at the connected reader");
    expect(seen.author).toEqual({ id: world.members.editor.id, name: world.members.editor.name });
    expect(seen.anchor).toEqual(result.anchor);
    const l = await waitFor(() => listArgumentLinks(meta.doc).find((x) => x.id === result.linkId), "link at the connected reader");
    expect(l).toMatchObject({ from: { kind: "annotation", id: sourceId, documentId: source.id }, to: { kind: "annotation", id: result.annotationId, documentId: far.id }, kind: "supports", note: "同じ提言", author: { id: world.members.editor.id } });

    const row = await waitFor(() => prisma.annotation.findFirst({ where: { workspaceId: world.workspace.id, id: result.annotationId } }), "projected annotation");
    expect(row).toMatchObject({ documentId: far.id, versionId: far.versionId, start, exact: PHRASE, authorId: world.members.editor.id });
    await waitFor(() => prisma.link.findFirst({ where: { workspaceId: world.workspace.id, id: result.linkId, fromId: sourceId, toId: result.annotationId, kind: "supports" } }), "projected link", 10_000);
  });

  it("writes nothing when the source annotation does not exist", async () => {
    const before = await prisma.collabDocument.findUnique({ where: { name: annotationsDocName(world.workspace.id, far.id) }, select: { stateHash: true } });
    await expect(link({ from: { annotationId: "no-such-annotation", documentId: source.id } })).rejects.toMatchObject({ code: "not_found", message: "annotation_not_found" });
    const reader = connect(server, annotationsDocName(world.workspace.id, far.id), world.members.viewer.id);
    await reader.ready;
    expect(listAnnotations(reader.doc).length).toBe(1);
    const after = await prisma.collabDocument.findUnique({ where: { name: annotationsDocName(world.workspace.id, far.id) }, select: { stateHash: true } });
    expect(after?.stateHash).toBe(before?.stateHash);
  });

  it("refuses commenters, outsiders, other workspaces' documents and unsound ranges", async () => {
    await expect(link({}, world.members.commenter)).rejects.toMatchObject({ code: "forbidden" });
    await expect(link({}, world.outsider)).rejects.toMatchObject({ code: "not_found", message: "workspace_not_found" });
    const foreign = await makeDocument(other.workspace.id, other.members.owner.id, FAR_TEXT);
    await expect(link({ to: { documentId: foreign.id, start: 0, end: 4 } })).rejects.toMatchObject({ code: "not_found", message: "document_not_found" });
    const yoshida = FAR_TEXT.indexOf("𠮷");
    await expect(link({ to: { documentId: far.id, start: yoshida + 1, end: yoshida + 4 } })).rejects.toMatchObject({ code: "invalid_input", message: "range_splits_character" });
    await expect(link({ to: { documentId: far.id, start: 0, end: FAR_TEXT.length + 5 } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(link({ relation: "contradicts" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await prisma.link.count({ where: { workspaceId: other.workspace.id } })).toBe(0);
  });
});

describe("direct batches", () => {
  const post = async (body: unknown, bearer?: string) => {
    const res = await fetch(`${server.url.replace(/^ws/, "http")}/internal/batch`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer ?? (await mintInternalToken(SECRET))}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  const as = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });
  const create = (id: string) => ({ op: "createAnnotation", input: { id, anchor: buildAnchor(FAR_TEXT, far.versionId, 0, 3), colour: "#00aa00" } });

  it("refuse forged tokens, roles that may not write, steps of two workspaces and a document named twice", async () => {
    const farDoc = annotationsDocName(world.workspace.id, far.id);
    const steps = [{ documentName: farDoc, operations: [create("batch-1")] }];
    expect((await post({ actor: as(world.members.editor), steps }, "forged")).status).toBe(401);
    expect((await post({ actor: as(world.members.commenter), steps })).status).toBe(403);
    const foreign = await makeDocument(other.workspace.id, other.members.owner.id);
    const twoWorkspaces = [...steps, { documentName: annotationsDocName(other.workspace.id, foreign.id), operations: [create("batch-2")] }];
    expect((await post({ actor: as(world.members.editor), steps: twoWorkspaces })).status).toBe(404);
    expect((await post({ actor: as(world.members.owner), steps: [...steps, ...steps] })).json).toMatchObject({ message: "batch_invalid" });
    expect(await prisma.annotation.count({ where: { id: { in: ["batch-1", "batch-2"] } } })).toBe(0);
  });
});
