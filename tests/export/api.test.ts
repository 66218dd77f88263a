/**
 * The read-only REST API through its real route handlers, with personal API tokens: pages of
 * W3C annotations, documents and themes; missing, malformed, revoked and other-workspace
 * tokens refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { createApiTokenOp, listApiTokensOp, revokeApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { prisma } from "../../lib/infra/db/client";
import { GET as annotationsGET } from "../../app/api/v1/workspaces/[workspaceId]/annotations/route";
import { GET as documentsGET } from "../../app/api/v1/workspaces/[workspaceId]/documents/route";
import { GET as themesGET } from "../../app/api/v1/workspaces/[workspaceId]/themes/route";
import type { World } from "../support/factories";
import { annotate, importDemoPaper, makeWorld, startCollabForExport, writeThemes, type Paper } from "./support";

let server: CollabServer;
let world: World;
let other: World;
let paper: Paper;

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  other = await makeWorld();
  paper = await importDemoPaper(world, 4);
  await writeThemes(world, [{ id: "t-api", name: "同盟", colour: "#123456" }]);
  const quotes = ["同盟", "抑止", "日本", "米国", "協力"].map((w) => ({ quote: w, themeIds: w === "同盟" ? ["t-api"] : [] }));
  await annotate(world, paper, quotes);
});
afterAll(async () => server?.destroy());

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, workspaceId: string, token: string | null, query = ""): Promise<{ status: number; body: Record<string, unknown> }> {
  const req = new Request(`http://synoptic.test/api/v1/workspaces/${workspaceId}/x${query}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const res = await handler(req, { params: Promise.resolve({ workspaceId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("REST API with personal tokens", () => {
  it("pages annotations as W3C JSON-LD, and lists documents and themes", async () => {
    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "notebook" });
    const first = await call(annotationsGET, world.workspace.id, token, "?pageSize=2");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: { total: 5 } });
    expect(first.body.items).toHaveLength(2);
    expect(String(first.body.next)).toContain("page=2");
    const last = await call(annotationsGET, world.workspace.id, token, "?page=3&pageSize=2");
    expect(last.body.items).toHaveLength(1);
    expect(last.body.next).toBeUndefined();
    const all = await call(annotationsGET, world.workspace.id, token, "?pageSize=200");
    const items = all.body.items as { body?: { purpose: string; value: string }[]; target: { selector: { type: string }[] } }[];
    expect(items.some((i) => i.body?.some((b) => b.purpose === "tagging" && b.value === "同盟"))).toBe(true);
    expect(items[0]!.target.selector.map((s) => s.type)).toEqual(["TextPositionSelector", "TextQuoteSelector"]);
    const docs = await call(documentsGET, world.workspace.id, token);
    expect(docs.body).toMatchObject({ total: 1, items: [{ id: paper.id, title: paper.title }] });
    const themes = await call(themesGET, world.workspace.id, token);
    expect(themes.body).toMatchObject({ total: 1, items: [{ name: "同盟" }] });
    const used = await prisma.apiToken.findFirstOrThrow({ where: { userId: world.members.viewer.id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.tokenHash).not.toContain(token.slice(4));
  });

  it("refuses missing, malformed, unknown and revoked tokens", async () => {
    expect((await call(annotationsGET, world.workspace.id, null)).status).toBe(401);
    expect((await call(annotationsGET, world.workspace.id, "nonsense")).status).toBe(401);
    expect((await call(annotationsGET, world.workspace.id, `syn_${"A".repeat(43)}`)).status).toBe(401);
    const created = await createApiTokenOp.execute(world.members.editor, { name: "old" });
    expect((await call(themesGET, world.workspace.id, created.token)).status).toBe(200);
    await revokeApiTokenOp.execute(world.members.editor, { tokenId: created.id });
    const revoked = await call(themesGET, world.workspace.id, created.token);
    expect(revoked).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    // Only the owner of a token can revoke it.
    const mine = await createApiTokenOp.execute(world.members.owner, { name: "mine" });
    await expect(revokeApiTokenOp.execute(world.members.editor, { tokenId: mine.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listApiTokensOp.execute(world.members.editor, {})).map((t) => t.revokedAt !== null)).toEqual([true]);
  });

  it("refuses another workspace's tokens: non-members and tokens narrowed to another workspace", async () => {
    const outsider = await createApiTokenOp.execute(other.members.owner, { name: "elsewhere" });
    expect((await call(annotationsGET, world.workspace.id, outsider.token)).status).toBe(404);
    expect((await call(annotationsGET, other.workspace.id, outsider.token)).status).toBe(200);
    // A member of both workspaces whose token is narrowed to the other one.
    await prisma.membership.create({ data: { workspaceId: other.workspace.id, userId: world.members.viewer.id, role: "viewer" } });
    const narrowed = await createApiTokenOp.execute(world.members.viewer, { name: "other only", workspaceId: other.workspace.id });
    expect((await call(documentsGET, other.workspace.id, narrowed.token)).status).toBe(200);
    expect((await call(documentsGET, world.workspace.id, narrowed.token)).status).toBe(404);
    await expect(createApiTokenOp.execute(world.members.viewer, { name: "x", workspaceId: "no-such-workspace" })).rejects.toMatchObject({ code: "not_found" });
  });
});
