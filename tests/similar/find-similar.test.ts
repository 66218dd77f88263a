/**
 * Similar passages through the operation (issue #13): real PostgreSQL, documents created by the
 * domain code. The query's own paper is left out, another workspace's text never comes back,
 * the index follows new versions and deletions, outsiders learn nothing, bad input is refused.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName } from "../../lib/core/collab";
import { findSimilarResultSchema } from "../../lib/core/similar";
import { createDocument, createDocumentVersion } from "../../lib/server/documents/create-document";
import { prisma } from "../../lib/infra/db/client";
import { findSimilarPassagesOp } from "../../lib/server/similar/find-similar";
import { workspaceIndex } from "../../lib/server/similar/workspace-index";
import { createApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { GET as apiSimilarGET } from "../../app/api/v1/workspaces/[workspaceId]/similar/route";
import { makeWorld, type World } from "../support/factories";

const ORIGINAL = [
  "第一章 総論",
  "日米両政府は拡大抑止協議を定期的に開催し、核の傘の信頼性を高めるべきである。閣僚級の関与も欠かせない。",
  "台所では、だし汁に醤油とみりんを加えて、弱火で十分ほど煮込むとよい。味見をしてから塩で整える。",
].join("\n\n");
const PARAPHRASE = [
  "桜の開花は例年より一週間早く、東京では三月中旬に満開となり、公園は花見客でにぎわった。",
  "核の傘の信頼性を高めるため、日米は拡大抑止に関する協議を定期的に開くべきだ。閣僚の関与が欠かせない。",
].join("\n\n");
const UNRELATED = "サッカーの試合は雨の中で行われ、後半に二点を追加したチームが逆転で勝利した。観客は最後まで声援を送った。";

async function makeDoc(world: World, title: string, text: string): Promise<{ id: string; versionId: string }> {
  const doc = await createDocument(world.workspace.id, world.members.owner.id, { title }, { text, blocks: [] }, new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } });
  return { id: doc.id, versionId: v.id };
}

let world: World;
let other: World;
let source: { id: string; versionId: string };
let paraphrase: { id: string; versionId: string };
const QUERY = "日米両政府は拡大抑止協議を定期的に開催し、核の傘の信頼性を高めるべきである。";
const range = () => ({ start: ORIGINAL.indexOf(QUERY), end: ORIGINAL.indexOf(QUERY) + QUERY.length });
const similar = (input: Record<string, unknown>, as = world.members.viewer) => findSimilarPassagesOp.execute(as, { workspaceId: world.workspace.id, ...input });

beforeAll(async () => {
  world = await makeWorld();
  other = await makeWorld();
  source = await makeDoc(world, "原論文", ORIGINAL);
  paraphrase = await makeDoc(world, "言い換え", PARAPHRASE);
  await makeDoc(world, "スポーツ", UNRELATED);
  // The same paraphrase in another workspace: it must never come back.
  await makeDoc(other, "よその論文", PARAPHRASE);
});

describe("findSimilarPassages", () => {
  it("finds the paraphrase in another paper, with its place, title and snippet", async () => {
    const result = findSimilarResultSchema.parse(await similar({ documentId: source.id, ...range() }));
    expect(result.query).toEqual({ documentId: source.id, ...range(), truncated: false });
    expect(result.passages.length).toBe(1);
    const [hit] = result.passages;
    expect(hit).toMatchObject({ documentId: paraphrase.id, versionId: paraphrase.versionId, title: "言い換え", headingPath: [], page: null });
    expect(PARAPHRASE.slice(hit!.start, hit!.end)).toContain("核の傘の信頼性を高めるため");
    expect(hit!.snippet).toContain("拡大抑止に関する協議");
    expect(hit!.score).toBeGreaterThan(0.15);
  });

  it("takes an annotation's quote as the query", async () => {
    const { start, end } = range();
    const id = `ann-${randomBytes(5).toString("hex")}`;
    const now = new Date();
    await prisma.annotation.create({
      data: {
        workspaceId: world.workspace.id, id, collabName: annotationsDocName(world.workspace.id, source.id), documentId: source.id, versionId: source.versionId,
        start, end, exact: QUERY, prefix: ORIGINAL.slice(Math.max(0, start - 32), start), suffix: ORIGINAL.slice(end, end + 32),
        authorId: world.members.editor.id, authorName: "e", colour: "#ffcc00", status: "open", createdAt: now, updatedAt: now,
      },
    });
    const result = await similar({ annotationId: id });
    expect(result.passages.map((p) => p.documentId)).toEqual([paraphrase.id]);
    await expect(similar({ annotationId: "no-such-annotation" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("follows a new version and a deleted document", async () => {
    const before = (await workspaceIndex(world.workspace.id)).index;
    expect((await workspaceIndex(world.workspace.id)).index).toBe(before);
    await createDocumentVersion(paraphrase.id, world.workspace.id, world.members.owner.id, {}, { text: `序文を足した。\n\n${PARAPHRASE}`, blocks: [] }, new Date());
    const after = await similar({ documentId: source.id, ...range() });
    const rebuilt = (await workspaceIndex(world.workspace.id)).index;
    expect(rebuilt).not.toBe(before);
    const v2 = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: paraphrase.id, number: 2 }, select: { id: true, text: true } });
    expect(after.passages[0]).toMatchObject({ documentId: paraphrase.id, versionId: v2.id });
    expect(v2.text.slice(after.passages[0]!.start, after.passages[0]!.end)).toContain("核の傘");
    await prisma.document.update({ where: { id: paraphrase.id }, data: { deletedAt: new Date() } });
    expect((await similar({ documentId: source.id, ...range() })).passages).toEqual([]);
    await prisma.document.update({ where: { id: paraphrase.id }, data: { deletedAt: null } });
  });

  it("refuses outsiders as not found and another workspace's document", async () => {
    await expect(similar({ documentId: source.id, ...range() }, world.outsider)).rejects.toMatchObject({ code: "not_found", message: "workspace_not_found" });
    const foreign = await prisma.document.findFirstOrThrow({ where: { workspaceId: other.workspace.id }, select: { id: true } });
    await expect(similar({ documentId: foreign.id, start: 0, end: 10 })).rejects.toMatchObject({ code: "not_found", message: "document_not_found" });
  });

  it("refuses bad ranges and cuts long queries", async () => {
    await expect(similar({ documentId: source.id, start: 5, end: 5 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(similar({ documentId: source.id, start: 0, end: ORIGINAL.length + 1 })).rejects.toMatchObject({ code: "invalid_input", message: "similar_range_invalid" });
    await expect(similar({})).rejects.toMatchObject({ code: "invalid_input" });
    const long = await makeDoc(world, "長文", "拡大抑止。".repeat(1_000));
    const r = await similar({ documentId: long.id, start: 0, end: 5_000 });
    expect(r.query).toMatchObject({ start: 0, end: 2_000, truncated: true });
  });

  it("answers through the read-only REST API with a token, and refuses a token of another workspace", async () => {
    const call = async (token: string, workspaceId: string, query: string) => {
      const req = new Request(`http://synoptic.test/api/v1/workspaces/${workspaceId}/similar${query}`, { headers: { Authorization: `Bearer ${token}` } });
      const res = await apiSimilarGET(req, { params: Promise.resolve({ workspaceId }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const { start, end } = range();
    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "similar" });
    const ok = await call(token, world.workspace.id, `?document=${source.id}&start=${start}&end=${end}&limit=3`);
    expect(ok.status).toBe(200);
    expect(findSimilarResultSchema.parse(ok.body).passages[0]?.documentId).toBe(paraphrase.id);
    const { token: outsider } = await createApiTokenOp.execute(other.members.viewer, { name: "elsewhere" });
    const refused = await call(outsider, world.workspace.id, `?document=${source.id}&start=${start}&end=${end}`);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain("核");
  });
});
