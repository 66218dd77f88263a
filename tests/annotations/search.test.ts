/**
 * The "link to…" picker's server search (#7) over the annotation projection: Japanese substrings,
 * full-/half-width and case folding, `%` `_` `\` taken literally, limit, document filter, newest
 * first, and never another workspace's annotations or a deleted document's; outsiders refused.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName } from "../../lib/core/collab";
import { createDocument } from "../../lib/server/documents/create-document";
import { prisma } from "../../lib/infra/db/client";
import { searchAnnotationsOp } from "../../lib/server/annotations/search-annotations";
import { makeWorld, type World } from "../support/factories";

interface Doc {
  id: string;
  versionId: string;
  title: string;
  text: string;
  workspaceId: string;
}

const TEXT = [
  "日米同盟は、地域の安全保障と繁栄の礎となってきた。",
  "NATOの東方拡大は冷戦後の欧州秩序を変えた。",
  "防衛費をＧＤＰ比２％に引き上げる。",
  "ｶﾀｶﾅで書かれた見出し。",
  "確信度は100%である。確信度は1000である。",
  "変数名はa_bであり、axbではない。",
  "パスはC:\\dataに置く。",
].join("\n");

async function makeDoc(world: World, title: string, text = TEXT): Promise<Doc> {
  const doc = await createDocument(world.workspace.id, world.members.owner.id, { title }, { text, blocks: [] }, new Date());
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } });
  return { id: doc.id, versionId: v.id, title, text, workspaceId: world.workspace.id };
}

let seq = 0;
/** A projection row, as the collab server stores it, for the first occurrence of `quote`. */
async function annotate(doc: Doc, quote: string, opts: { note?: string; at?: Date; author?: string } = {}): Promise<string> {
  const start = doc.text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const id = `ann-${randomBytes(6).toString("hex")}`;
  const at = opts.at ?? new Date(Date.UTC(2025, 0, 1, 0, 0, seq++));
  await prisma.annotation.create({
    data: {
      workspaceId: doc.workspaceId, id, collabName: annotationsDocName(doc.workspaceId, doc.id), documentId: doc.id, versionId: doc.versionId,
      start, end: start + quote.length, exact: quote, prefix: doc.text.slice(Math.max(0, start - 32), start), suffix: doc.text.slice(start + quote.length, start + quote.length + 32),
      authorId: "author-1", authorName: opts.author ?? "葵", colour: "#ffcc00", status: "open", noteText: opts.note ?? "", createdAt: at, updatedAt: at,
    },
  });
  return id;
}

let world: World;
let other: World;
let paper: Doc;
let second: Doc;
const ids: Record<string, string> = {};
const search = (input: Record<string, unknown>, as = world.members.viewer) => searchAnnotationsOp.execute(as, { workspaceId: world.workspace.id, ...input });
const found = async (query: string, extra: Record<string, unknown> = {}) => (await search({ query, ...extra })).map((h) => h.id).sort();

beforeAll(async () => {
  world = await makeWorld();
  other = await makeWorld();
  paper = await makeDoc(world, "日米同盟論");
  second = await makeDoc(world, "Second paper");
  ids.security = await annotate(paper, "地域の安全保障と繁栄");
  ids.nato = await annotate(paper, "NATOの東方拡大");
  ids.gdp = await annotate(paper, "防衛費をＧＤＰ比２％に引き上げる");
  ids.kana = await annotate(paper, "ｶﾀｶﾅで書かれた見出し");
  ids.percent = await annotate(paper, "確信度は100%である");
  ids.thousand = await annotate(paper, "確信度は1000である");
  ids.underscore = await annotate(paper, "変数名はa_bであり");
  ids.x = await annotate(paper, "axbではない");
  ids.backslash = await annotate(paper, "C:\\dataに置く");
  ids.noted = await annotate(second, "冷戦後の欧州秩序", { note: "拡大抑止との比較が必要" });
  ids.newest = await annotate(second, "日米同盟は", { at: new Date(Date.UTC(2026, 0, 1)) });
  // The same passages in another workspace: never found from this one.
  const foreign = await makeDoc(other, "日米同盟論");
  ids.foreign = await annotate(foreign, "地域の安全保障と繁栄");
  await annotate(foreign, "NATOの東方拡大");
});

describe("annotation search", () => {
  it("finds Japanese substrings, with every term required", async () => {
    expect(await found("安全保障")).toEqual([ids.security]);
    expect(await found("保障と繁")).toEqual([ids.security]);
    // Two terms (separated by an ideographic space): both must occur.
    expect(await found("安全　繁栄")).toEqual([ids.security]);
    expect(await found("安全 冷戦")).toEqual([]);
    // Text beyond the annotated quote is not part of it.
    expect(await found("繁栄の礎")).toEqual([]);
  });

  it("folds width and case: full-width and half-width forms find each other", async () => {
    expect(await found("ＮＡＴＯ")).toEqual([ids.nato]);
    expect(await found("nato")).toEqual([ids.nato]);
    expect(await found("gdp比2%")).toEqual([ids.gdp]);
    expect(await found("ＧＤＰ")).toEqual([ids.gdp]);
    expect(await found("カタカナ")).toEqual([ids.kana]);
    expect(await found("ｶﾀｶﾅ")).toEqual([ids.kana]);
  });

  it("takes % _ and \\ literally", async () => {
    expect(await found("100%")).toEqual([ids.percent]);
    expect(await found("%")).toEqual([ids.gdp, ids.percent].sort());
    expect(await found("a_b")).toEqual([ids.underscore]);
    expect(await found("_")).toEqual([ids.underscore]);
    expect(await found("C:\\data")).toEqual([ids.backslash]);
    expect(await found("\\")).toEqual([ids.backslash]);
  });

  it("matches notes and document titles, quotes first", async () => {
    expect(await found("拡大抑止")).toEqual([ids.noted]);
    const byTitle = await search({ query: "second PAPER" });
    expect(byTitle.map((h) => h.id).sort()).toEqual([ids.newest, ids.noted].sort());
    // "拡大" is in the NATO quote and in the other annotation's note: the quote ranks first.
    expect((await search({ query: "拡大" })).map((h) => h.id)).toEqual([ids.nato, ids.noted]);
  });

  it("returns the hit's document, title, quote and author", async () => {
    const [hit] = await search({ query: "NATO" });
    expect(hit).toEqual({ id: ids.nato, documentId: paper.id, documentTitle: "日米同盟論", text: "NATOの東方拡大", authorName: "葵" });
  });

  it("lists the newest first when the query is empty, up to the limit", async () => {
    const all = await search({ query: "" });
    expect(all).toHaveLength(11);
    expect(all[0]!.id).toBe(ids.newest);
    expect(all.map((h) => h.id)).not.toContain(ids.foreign);
    const two = await search({ query: "", limit: 2 });
    expect(two.map((h) => h.id)).toEqual([ids.newest, ids.noted]);
    // The route passes the limit as text.
    expect(await search({ limit: "3" })).toHaveLength(3);
    await expect(search({ limit: 51 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(search({ limit: 0 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(search({ query: "x".repeat(201) })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("filters by document", async () => {
    expect(await found("", { documentId: second.id })).toEqual([ids.newest, ids.noted].sort());
    expect(await found("同盟は", { documentId: paper.id })).toEqual([]);
    expect(await found("同盟は", { documentId: second.id })).toEqual([ids.newest]);
  });

  it("never returns another workspace's annotations, even when asked for its document", async () => {
    expect(await found("安全保障")).not.toContain(ids.foreign);
    const foreignDoc = await prisma.annotation.findFirstOrThrow({ where: { id: ids.foreign }, select: { documentId: true } });
    expect(await found("", { documentId: foreignDoc.documentId })).toEqual([]);
    // The other workspace's own members see theirs.
    const theirs = await searchAnnotationsOp.execute(other.members.viewer, { workspaceId: other.workspace.id, query: "安全保障" });
    expect(theirs.map((h) => h.id)).toEqual([ids.foreign]);
  });

  it("looks annotations up by id (link ends), never another workspace's", async () => {
    const hits = await search({ ids: [ids.nato!, ids.foreign!, "no-such-annotation"] });
    expect(hits.map((h) => h.id)).toEqual([ids.nato]);
    expect(hits[0]).toMatchObject({ documentId: paper.id, documentTitle: paper.title, text: "NATOの東方拡大" });
    expect(await search({ ids: [] })).toEqual([]);
    await expect(search({ ids: Array.from({ length: 51 }, (_, i) => `id-${i}`) })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("leaves out annotations of deleted documents", async () => {
    const gone = await makeDoc(world, "削除予定");
    const id = await annotate(gone, "NATOの東方拡大");
    expect(await found("NATO")).toEqual([ids.nato, id].sort());
    await prisma.document.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect(await found("NATO")).toEqual([ids.nato]);
  });

  it("cuts long quotes", async () => {
    const long = "長".repeat(150) + "𠮷".repeat(30);
    const doc = await makeDoc(world, "長文", long);
    const id = await annotate(doc, long);
    const [hit] = await search({ query: "𠮷", documentId: doc.id });
    expect(hit!.id).toBe(id);
    // 160 code points (the surrogate pairs kept whole) and an ellipsis.
    expect(Array.from(hit!.text)).toHaveLength(161);
    expect(hit!.text.endsWith("𠮷…")).toBe(true);
  });

  it("is refused to outsiders and to no session, allowed to every member", async () => {
    await expect(search({ query: "" }, world.outsider)).rejects.toMatchObject({ code: "not_found", message: "workspace_not_found" });
    await expect(searchAnnotationsOp.execute(null, { workspaceId: world.workspace.id })).rejects.toMatchObject({ code: "unauthenticated" });
    // A member of another workspace is an outsider here.
    await expect(search({ query: "" }, other.members.owner)).rejects.toMatchObject({ code: "not_found" });
    for (const role of ["viewer", "commenter", "editor", "owner"] as const) {
      expect((await search({ query: "NATO" }, world.members[role])).map((h) => h.id), role).toEqual([ids.nato]);
    }
  });
});
