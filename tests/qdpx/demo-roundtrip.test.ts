/**
 * The demo workspace as seeded (the five corpus papers through prepareDemoDocument and
 * createDocument, as seed-demo.ts does), annotated through the collab server's direct writes —
 * a passage of every 12th block, themes, notes, replies, links — goes out as .qdpx and comes
 * back into an empty workspace with every annotation, coding, note, reply and link: the same
 * quotes (visible characters: one paper's canonical text is not reproduced exactly by
 * normaliseText, which adds paragraph breaks, see docs/qdpx.md), nothing left unplaced.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { exportOptionsSchema } from "../../lib/core/export";
import { createExport } from "../../lib/server/export/create-export";
import { importQdpx } from "../../lib/server/interop/qdpx/import-qdpx";
import { prisma } from "../../lib/infra/db/client";
import { annotate, collect, importDemoPaper, link, makeWorld, reply, startCollabForExport, writeThemes, type Paper } from "../export/support";
import type { World } from "../support/factories";
import { fingerprint, schemaErrors, unzip } from "./support";

let server: CollabServer;
let world: World;
const papers: Paper[] = [];

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  for (let i = 0; i < 5; i++) papers.push(await importDemoPaper(world, i));
  await writeThemes(world, [
    { id: "d-top", name: "抑止", colour: "#336699" },
    { id: "d-ext", name: "拡大抑止", colour: "#993366", parentId: "d-top" },
    { id: "d-c2", name: "指揮統制", colour: "#669933" },
  ]);
  const ids: string[] = [];
  for (const paper of papers) {
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { id: paper.versionId }, select: { blocks: true } });
    const blocks = (v.blocks as { start: number; end: number }[]).filter((b, k) => k % 12 === 3 && b.end - b.start > 12);
    const quotes = blocks.map((b, k) => ({ quote: paper.text.slice(b.start, Math.min(b.end, b.start + 40)).trim(), themeIds: k % 2 ? ["d-ext"] : ["d-c2", "d-top"], ...(k % 3 === 0 ? { note: `メモ ${k}` } : {}) }));
    const unique = quotes.filter((q, k) => q.quote && paper.text.indexOf(q.quote) === blocks[k]!.start + (paper.text.slice(blocks[k]!.start).length - paper.text.slice(blocks[k]!.start).trimStart().length));
    ids.push(...(await annotate(world, paper, unique)));
  }
  await reply(world, papers[0]!, ids[0]!, "返信です");
  for (let k = 0; k + 1 < ids.length; k += 7) await link(world, ids[k]!, ids[k + 1]!, "supports");
}, 300_000);
afterAll(async () => server?.destroy());

const visible = (s: string) => s.replace(/\s+/g, "");

describe("the demo workspace", () => {
  it("round-trips through .qdpx with nothing lost", async () => {
    const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format: "qdpx" }), baseUrl: "", locale: "ja", now: new Date() });
    const bytes = new Uint8Array(await collect(file.chunks));
    expect(schemaErrors(unzip(bytes)["project.qde"]!)).toBe("");
    const other = await makeWorld();
    const report = await importQdpx({ workspaceId: other.workspace.id, bytes, actor: other.members.owner, now: new Date() });
    expect(report.notPlaced).toEqual([]);
    const before = await fingerprint(world.workspace.id);
    const after = await fingerprint(other.workspace.id);
    expect(before.annotations.length).toBeGreaterThan(30);
    const shape = (f: typeof before) => f.annotations.map((a) => ({ doc: a.key.replace(/@.*$/, ""), exact: visible(a.exact), note: a.note, themes: a.themes, replies: a.replies, colour: a.colour })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(shape(after)).toEqual(shape(before));
    expect(after.links.length).toBe(before.links.length);
    expect(after.themes).toEqual(before.themes);
  }, 300_000);
});
