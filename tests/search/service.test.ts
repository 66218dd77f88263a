/**
 * The search service on documents built here: every kind (text, quote, note, reply) kept current
 * by import, new version, delete and the projection; filters; bad input; and no leak between
 * workspaces.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { deleteDocumentOp } from "../../lib/server/documents/update-document";
import { importVersionOp } from "../../lib/server/import/import-document";
import { getDocumentOp } from "../../lib/server/documents/get-document";
import { prisma } from "../../lib/infra/db/client";
import { searchWorkspaceOp } from "../../lib/server/search/search-op";
import { rebuildSearchIndex } from "../../lib/server/search/rebuild-index";
import { searchWorkspace } from "../../lib/server/search/search-workspace";
import { walkIsCheaper } from "../../lib/server/search/match-chunks";
import { queryLexemes, tsqueryOf, workspaceTag, type SearchParams, type SearchResult } from "../../lib/core/search";
import { annotate, makeWorld, reply, startCollabForExport, writeThemes, type Paper } from "../export/support";
import type { World } from "../support/factories";
import { paste } from "./support";

let server: CollabServer;
let world: World;
let other: World;
let a: Paper;
let b: Paper;

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  other = await makeWorld();
  a = await paste(world, "甲論文", "第1章 同盟\n\n日米の拡大抑\n止協議は2＋ 2で確認された。ＥＤＤも開かれた。\n\n核抑止と核軍縮は別の問題である。100% の_確率\\で'引用'。");
  b = await paste(world, "乙論文", "台湾海峡の安定と拡大抑止協議は日米同盟の課題である。\n\n拡大抑止協議の頻度を上げる。");
  await paste(other, "秘密", "極秘の合言葉は蒼穹である。拡大抑止協議も別に行う。");
}, 60_000);
afterAll(async () => server?.destroy());

const search = (q: string, extra: Partial<SearchParams> = {}, as = world.members.viewer, ws = world.workspace.id): Promise<SearchResult> =>
  searchWorkspaceOp.execute(as, { workspaceId: ws, q, limit: 100, ...extra });
const titles = (r: SearchResult) => [...new Set(r.hits.map((h) => h.title))];

describe("searchWorkspace", () => {
  it("matches across width, case, spaces and line breaks, ANDs terms, takes phrases and exclusions", async () => {
    expect(titles(await search("拡大抑止協議"))).toEqual(["甲論文", "乙論文"]);
    expect(titles(await search("2+2"))).toEqual(["甲論文"]);
    expect(titles(await search("edd"))).toEqual(["甲論文"]);
    expect(titles(await search("拡大抑止協議 台湾"))).toEqual(["乙論文"]);
    // Terms are ANDed and excluded per passage (a paragraph, or a piece of a long one).
    const without = await search("拡大抑止協議 -台湾");
    expect(without.hits.filter((h) => h.documentId === b.id).map((h) => h.start)).toEqual([b.text.lastIndexOf("拡大抑止協議")]);
    expect((await search("台湾 頻度")).total).toBe(0);
    expect(titles(await search('"日米 同盟"'))).toEqual(["乙論文"]);
    const nuclear = await search("核");
    expect(nuclear.hits.map((h) => a.text.slice(h.start, h.end))).toEqual(["核", "核"]);
  });

  it("handles bad input: empty, punctuation, metacharacters, lone surrogates, 1,000 characters, too long", async () => {
    expect(await search("")).toMatchObject({ hits: [], total: 0, notice: "empty_query" });
    expect(await search("   ")).toMatchObject({ hits: [], notice: "empty_query" });
    expect(await search("-核")).toMatchObject({ hits: [], notice: "no_included_terms" });
    expect((await search("。")).total).toBeGreaterThan(0);
    expect((await search("!?!?")).total).toBe(0);
    expect(titles(await search("%"))).toEqual(["甲論文"]);
    expect(titles(await search("_"))).toEqual(["甲論文"]);
    expect(titles(await search("\\"))).toEqual(["甲論文"]);
    expect(titles(await search("'引用'"))).toEqual(["甲論文"]);
    expect((await search("%%")).total).toBe(0);
    expect(titles(await search("核\uD800抑止"))).toEqual(["甲論文"]);
    expect((await search("\uDC00")).notice).toBe("empty_query");
    expect((await search("あ".repeat(1000))).total).toBe(0);
    expect((await search(Array.from({ length: 300 }, (_, i) => `語${i}`).join(" ").slice(0, 1000))).query.dropped).toBeGreaterThan(0);
    await expect(search("あ".repeat(1001))).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("counts astral characters and composed marks the same in SQL and in the mapping", async () => {
    const c = await paste(world, "丁論文", "𠮷野家の𠮷田さんはｶﾞｲﾄﾞﾗｲﾝを読んだ。");
    const r = await search("𠮷", { documentIds: [c.id] });
    expect(r.hits.map((h) => c.text.slice(h.start, h.end))).toEqual(["𠮷", "𠮷"]);
    expect(r.total).toBe(2);
    const g = await search("ガイドライン", { documentIds: [c.id] });
    expect(g.hits.map((h) => c.text.slice(h.start, h.end))).toEqual(["ｶﾞｲﾄﾞﾗｲﾝ"]);
    await deleteDocumentOp.execute(world.members.editor, { workspaceId: world.workspace.id, documentId: c.id });
  });

  it("bounds and pages a query that matches every paragraph", async () => {
    const first = await search("の", { limit: 3 });
    expect(first.hits).toHaveLength(3);
    expect(first.nextOffset).toBe(3);
    const rest = await search("の", { offset: 3, limit: 100 });
    expect(first.total).toBe(rest.total);
    expect(3 + rest.hits.length).toBe(first.total);
    const all = [...first.hits, ...rest.hits].map((h) => `${h.documentId}:${h.kind}:${h.start}`);
    expect(new Set(all).size).toBe(all.length);
    await expect(search("の", { limit: 1000 })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("indexes quotes, notes and replies from the projection, filters by kind, theme and author", async () => {
    await writeThemes(world, [{ id: "th-s", name: "抑止", colour: "#123456" }]);
    const [id] = await annotate(world, a, [{ quote: "核抑止", themeIds: ["th-s"], note: "注記に書いた蒼穹という語" }]);
    await reply(world, a, id!, "返信で述べた瑠璃色の件");
    const quote = await search("核抑止", { kinds: ["annotation"] });
    expect(quote.hits).toMatchObject([{ kind: "annotation", annotationId: id, start: a.text.indexOf("核抑止"), end: a.text.indexOf("核抑止") + 3 }]);
    expect((await search("蒼穹")).hits).toMatchObject([{ kind: "note", annotationId: id }]);
    expect((await search("瑠璃色")).hits).toMatchObject([{ kind: "reply", annotationId: id }]);
    expect((await search("核抑止", { themeIds: ["th-s"] })).hits.map((h) => h.kind)).toEqual(["annotation"]);
    expect((await search("瑠璃色", { themeIds: ["th-s"] })).hits.map((h) => h.kind)).toEqual(["reply"]);
    expect((await search("核抑止", { themeIds: ["nope"] })).total).toBe(0);
    expect((await search("蒼穹", { authorIds: [world.members.editor.id] })).total).toBe(1);
    expect((await search("蒼穹", { authorIds: [world.members.owner.id] })).total).toBe(0);
    expect((await search("核抑止", { documentIds: [b.id] })).total).toBe(0);
    // Deleting the annotation takes its quote, note and (through the projection) nothing else with it.
    await (await import("../../lib/server/collab/send-collab-operations")).sendCollabOperations({
      documentName: (await import("../../lib/core/collab")).annotationsDocName(world.workspace.id, a.id),
      actor: { id: world.members.editor.id, name: world.members.editor.name },
      operations: [{ op: "deleteAnnotation", id: id! }],
    });
    expect((await search("蒼穹")).total).toBe(0);
    expect((await search("核抑止", { kinds: ["annotation"] })).total).toBe(0);
    expect((await search("瑠璃色")).total).toBe(1);
  });

  it("searches the current version only, and forgets deleted documents", async () => {
    const c = await paste(world, "丙論文", "旧版にだけある琥珀の語。");
    expect(titles(await search("琥珀"))).toEqual(["丙論文"]);
    await importVersionOp.execute(world.members.editor, { workspaceId: world.workspace.id, documentId: c.id, fileName: "v2.txt", bytes: new TextEncoder().encode("新版にある翡翠の語。") });
    expect((await search("琥珀")).total).toBe(0);
    expect(titles(await search("翡翠"))).toEqual(["丙論文"]);
    const shown = await search("翡翠");
    await deleteDocumentOp.execute(world.members.editor, { workspaceId: world.workspace.id, documentId: c.id });
    expect((await search("翡翠")).total).toBe(0);
    await expect(getDocumentOp.execute(world.members.viewer, { workspaceId: world.workspace.id, documentId: shown.hits[0]!.documentId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("never shows another workspace's text, counts or documents", async () => {
    expect((await search("蒼穹")).hits.every((h) => h.documentId !== undefined && h.title !== "秘密")).toBe(true);
    const mine = await search("拡大抑止協議");
    expect(mine.documents.map((d) => d.title).sort()).toEqual(["乙論文", "甲論文"]);
    expect((await search("極秘")).total).toBe(0);
    await expect(search("極秘", {}, world.members.viewer, other.workspace.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(search("極秘", {}, world.outsider)).rejects.toMatchObject({ code: "not_found" });
    expect(titles(await search("極秘", {}, other.members.viewer, other.workspace.id))).toEqual(["秘密"]);
  });

  it("finds the same hits by every plan: GIN candidates, walking the result order, scanning", async () => {
    const input = { q: "", documentIds: [], kinds: [], themeIds: [], authorIds: [], offset: 0, limit: 100 };
    for (const q of ["の", "拡大抑止協議", "核 -軍縮", "2+2", "%"]) {
      const [gin, walk, scan, auto] = await Promise.all((["gin", "walk", "scan", "auto"] as const).map((strategy) => searchWorkspace(world.workspace.id, { ...input, q }, { strategy })));
      expect(walk).toEqual(gin);
      expect(scan).toEqual(gin);
      expect(auto).toEqual(gin);
    }
  });

  it("chooses its plan from exact GIN candidate counts where the planner's estimate would mislead", async () => {
    const tag = workspaceTag(world.workspace.id);
    // The bitmap also counts index entries of rows deleted by the tests above until a vacuum.
    await prisma.$executeRawUnsafe(`VACUUM "SearchChunk"`);
    for (const q of ["の", "核", "拡大抑止", "している", "2+2", "蒼穹"]) {
      const tsquery = tsqueryOf(queryLexemes(tag, [q]));
      const [real] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "SearchChunk" WHERE "grams" @@ ${tsquery}::tsquery`;
      // wanted so large that the estimate never favours the walk: the function must count.
      const [f] = await prisma.$queryRaw<{ candidates: bigint; counted: boolean }[]>`SELECT "candidates", "counted" FROM "search_plan_figures"(${world.workspace.id}, ${tsquery}::tsquery, 1000000000, 0.6)`;
      expect(f).toEqual({ candidates: real!.n, counted: true });
    }
    expect(walkIsCheaper(5000, 20000, 221)).toBe(true);
    expect(walkIsCheaper(500, 20000, 221)).toBe(false);
    expect(walkIsCheaper(0, 0, 221)).toBe(false);
  });

  it("rebuilds a workspace's index to the same results", async () => {
    const before = await search("拡大抑止協議");
    await rebuildSearchIndex(world.workspace.id);
    expect(await search("拡大抑止協議")).toEqual(before);
    expect(await prisma.searchChunk.count({ where: { workspaceId: world.workspace.id, document: { deletedAt: { not: null } } } })).toBe(0);
  });
});
