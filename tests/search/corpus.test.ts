/**
 * Search over the five demo papers, imported through the real pipeline. The expected papers of
 * each query are computed independently of the search code: NFKC of the whole raw file, all
 * whitespace removed, lower case, plain substring test.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { searchWorkspaceOp } from "../../lib/server/search/search-op";
import type { SearchResult } from "../../lib/core/search";
import { importDemoPaper, makeWorld, startCollabForExport, type Paper } from "../export/support";
import type { World } from "../support/factories";

const DEMO = new URL("../../prisma/demo/", import.meta.url);
const MANIFEST = JSON.parse(readFileSync(new URL("demo.json", DEMO), "utf8")) as { documents: { file: string }[] };
const RAW = MANIFEST.documents.map((d) => readFileSync(new URL(d.file, DEMO), "utf8"));
const flat = (s: string) => s.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
const RAW_FLAT = RAW.map(flat);

let server: CollabServer;
let world: World;
let papers: Paper[];

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  papers = [];
  for (let i = 0; i < 5; i++) papers.push(await importDemoPaper(world, i));
}, 120_000);
afterAll(async () => server?.destroy());

async function everyHit(q: string): Promise<SearchResult["hits"]> {
  const hits: SearchResult["hits"] = [];
  let offset: number | null = 0;
  while (offset !== null && offset <= 5000) {
    const page: SearchResult = await searchWorkspaceOp.execute(world.members.viewer, { workspaceId: world.workspace.id, q, kinds: ["text"], offset, limit: 100 });
    hits.push(...page.hits);
    offset = page.nextOffset;
  }
  return hits;
}

/** A phrase that the raw file of paper 0 breaks across two lines (3 characters either side of a break between Japanese characters). */
function brokenPhrase(): string {
  const lines = RAW[0]!.split("\n").filter((l) => l.trim() !== "");
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.trimEnd();
    const b = lines[i + 1]!.trimStart();
    const tail = a.slice(-3);
    const head = b.slice(0, 3);
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3}$/u.test(tail) && /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3}$/u.test(head) && i > 40) return tail + head;
  }
  throw new Error("no broken line in paper 0");
}

describe("search over the demo papers", () => {
  const phrase = brokenPhrase();
  it.each(["2+2", "ＥＤＤ", "台湾", "核", "拡大抑止協議", "同盟調整メカニズム", phrase])("finds exactly the papers whose raw text holds %s", async (q) => {
    const expected = RAW_FLAT.map((r, i) => (r.includes(flat(q)) ? i : -1)).filter((i) => i >= 0);
    const hits = await everyHit(q);
    const found = [...new Set(hits.map((h) => papers.findIndex((p) => p.id === h.documentId)))].sort();
    expect(found).toEqual(expected);
    // Every hit's offsets point at text that folds to the query.
    for (const h of hits) {
      const paper = papers.find((p) => p.id === h.documentId)!;
      expect(flat(paper.text.slice(h.start, h.end))).toBe(flat(q));
      expect(h.versionId).toBe(paper.versionId);
    }
  });

  it("the broken phrase really is broken in the raw file", () => {
    expect(RAW[0]!.includes(phrase)).toBe(false);
    expect(RAW_FLAT[0]!.includes(flat(phrase))).toBe(true);
  });

  it("counts every occurrence once: hits of 「核」 equal an independent count over the canonical texts", async () => {
    const hits = await everyHit("核");
    const expected = papers.reduce((n, p) => n + [...p.text.normalize("NFKC")].filter((c) => c === "核").length, 0);
    expect(hits.length).toBe(expected);
    expect(new Set(hits.map((h) => `${h.documentId}:${h.start}`)).size).toBe(hits.length);
  });

  it("gives heading path, page and highlighted snippets", async () => {
    const page = await searchWorkspaceOp.execute(world.members.viewer, { workspaceId: world.workspace.id, q: "拡大抑止", limit: 50 });
    expect(page.hits.length).toBeGreaterThan(0);
    expect(page.hits.some((h) => h.headingPath.length > 0)).toBe(true);
    for (const h of page.hits) {
      expect(h.highlights.some((r) => flat(h.snippet.slice(r.start, r.end)) === "拡大抑止")).toBe(true);
    }
    expect(page.documents.reduce((n, d) => n + d.count, 0)).toBe(page.total);
  });
});
