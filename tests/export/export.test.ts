/**
 * Exports from the real projection (annotations, themes, links and replies written through
 * the collab server), in every format, read back with independent tools: pdfjs for the PDF's
 * text, mammoth and the raw XML for the DOCX, JSON.parse for JSON-LD, and the importer for the
 * round trip.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { exportOptionsSchema, type ExportFormat, type ExportOptions } from "../../lib/core/export";
import { createExport } from "../../lib/server/export/create-export";
import { runExportOp } from "../../lib/server/export/export-op";
import { previewExportOp } from "../../lib/server/export/preview-op";
import { extractPdf } from "../../lib/server/import/extract-pdf";
import { prisma } from "../../lib/infra/db/client";
import type { World } from "../support/factories";
import { addFreeNode, placeAnnotation } from "../../lib/collab/model";
import { metaDocName } from "../../lib/core/collab";
import { sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { loadSources } from "../../lib/server/export/load-sources";
import { connect, disconnectAll, waitFor } from "../collab/support/harness";
import { annotate, collect, importDemoPaper, link, makeWorld, reply, startCollabForExport, writeThemes, type Paper } from "./support";

let server: CollabServer;
let world: World;
let papers: Paper[];
const ids: Record<string, string> = {};
const THEME = { id: "theme-deterrence", name: "拡大抑止", colour: "#336699" };
const OTHER = { id: "theme-acm", name: "同盟調整メカニズム", colour: "#993366" };

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  papers = [await importDemoPaper(world, 1), await importDemoPaper(world, 3)];
  await writeThemes(world, [THEME, OTHER]);
  const [a, b] = await annotate(world, papers[0]!, [
    { quote: "拡大抑止", themeIds: [THEME.id], note: "論点の中心。=1+1 のような式も文字のまま。" },
    { quote: "同盟調整メカニズム", themeIds: [OTHER.id] },
  ]);
  const [c] = await annotate(world, papers[1]!, [{ quote: "日米同盟", themeIds: [THEME.id, OTHER.id] }], world.members.owner);
  Object.assign(ids, { a, b, c });
  await link(world, a!, c!, "supports");
  await reply(world, papers[0]!, a!, "賛成です。");
  // Wait for the projection of the meta and discussion documents (stored on direct disconnect).
  for (let i = 0; i < 100 && ((await prisma.link.count({ where: { workspaceId: world.workspace.id } })) === 0 || (await prisma.reply.count({ where: { workspaceId: world.workspace.id } })) === 0); i++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => server?.destroy());

const options = (format: ExportFormat, extra: Partial<ExportOptions> = {}): ExportOptions => exportOptionsSchema.parse({ format, ...extra });
async function run(format: ExportFormat, extra: Partial<ExportOptions> = {}): Promise<Buffer> {
  const file = await createExport({ workspaceId: world.workspace.id, options: options(format, extra), baseUrl: "http://synoptic.test", locale: "ja", timeZone: "Asia/Tokyo", now: new Date("2026-11-25T00:00:00Z") });
  return collect(file.chunks);
}

describe("export from the projection", () => {
  it("writes Markdown grouped by document with citations and permalinks", async () => {
    const md = (await run("md", { include: { notes: true, replies: true, links: true, comments: false } })).toString("utf8");
    expect(md).toContain(`## ${papers[0]!.title.replace(/[()]/g, (c) => c)}`.slice(0, 10));
    expect(md).toContain("> 拡大抑止");
    expect(md).toContain(`http://synoptic.test/w/${world.workspace.slug}/compare?d=${papers[0]!.id}&focus=${ids.a}`);
    expect(md).toContain("賛成です。");
    // A Japanese export names the relation in Japanese and writes its date in Tokyo time.
    expect(md).toContain("→ 支持する: 日米同盟");
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(md.indexOf(papers[0]!.title)).toBeLessThan(md.indexOf(papers[1]!.title));
  });

  it("filters by theme, status, author and dates; a filter that matches nothing is a valid empty export", async () => {
    const byTheme = (await run("csv", { filters: { themeIds: [OTHER.id] } })).toString("utf8");
    expect(byTheme.split("\r\n").filter(Boolean)).toHaveLength(3); // header + b + c
    const byAuthor = (await run("csv", { filters: { authorIds: [world.members.owner.id] } })).toString("utf8");
    expect(byAuthor.split("\r\n").filter(Boolean)).toHaveLength(2);
    const linked = (await run("csv", { filters: { linked: "linked" } })).toString("utf8");
    expect(linked.split("\r\n").filter(Boolean)).toHaveLength(3); // a and c
    const unlinked = (await run("csv", { filters: { linked: "unlinked" } })).toString("utf8");
    expect(unlinked).toContain("同盟調整メカニズム");
    const none = JSON.parse((await run("jsonld", { filters: { from: "2000-01-01", to: "2000-01-02" } })).toString("utf8"));
    expect(none).toMatchObject({ type: "AnnotationCollection", total: 0, first: { items: [] } });
    expect((await run("pdf", { filters: { status: "resolved" } })).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("CSV starts with a BOM and guards formulas", async () => {
    const csv = await run("csv");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain(`"論点の中心。=1+1 のような式も文字のまま。"`);
  });

  it("groups by theme: an excerpt under each of its themes", async () => {
    const html = (await run("html", { groupBy: "theme" })).toString("utf8");
    const sections = html.split("<h2>").slice(1);
    // Tree order, as the theme views list them: both are top-level, THEME was created first.
    expect(sections.map((s) => s.slice(0, s.indexOf("</h2>")))).toEqual([THEME.name, OTHER.name]);
    expect(sections[0]).toContain("日米同盟");
    expect(sections[1]).toContain("日米同盟");
  });

  it("writes a DOCX with quotes, citations, Japanese fonts and notes as Word comments", async () => {
    const buf = await run("docx", { include: { notes: true, replies: false, links: false, comments: true } });
    const { value } = await mammoth.extractRawText({ buffer: buf });
    expect(value).toContain("拡大抑止");
    expect(value).toContain(papers[0]!.title);
    const zip = await JSZip.loadAsync(buf);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="Noto Sans JP"');
    expect(styles).toContain('w:eastAsia="ja-JP"');
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain("論点の中心。");
  });

  it("writes a PDF with an embedded Japanese font whose text extracts intact", async () => {
    const buf = await run("pdf");
    expect(buf.toString("latin1")).toMatch(/FontFile2/);
    const { pages } = await extractPdf(new Uint8Array(buf));
    const text = pages.join("\n").replace(/\s+/g, "");
    for (const s of ["拡大抑止", "同盟調整メカニズム", "日米同盟", "論点の中心。", papers[1]!.title.replace(/\s+/g, "")]) expect(text).toContain(s);
    expect(text).not.toContain("\ufffd");
  });

  it("JSON-LD offsets are code points and the quotes are what the text says there", async () => {
    const doc = JSON.parse((await run("jsonld")).toString("utf8"));
    expect(doc.total).toBe(3);
    for (const item of doc.first.items) {
      const paper = papers.find((p) => item.target.source.endsWith(p.id))!;
      const [pos, quote] = item.target.selector;
      expect([...paper.text].slice(pos.start, pos.end).join("")).toBe(quote.exact);
    }
    const tagged = doc.first.items.find((i: { body?: { purpose: string; value: string }[] }) => i.body?.some((b) => b.value === THEME.name));
    expect(tagged.body.find((b: { purpose: string }) => b.purpose === "tagging").value).toBe(THEME.name);
  });
});

describe("permissions and preview", () => {
  it("lets every member export and refuses outsiders", async () => {
    const input = { workspaceId: world.workspace.id, options: { format: "md" } };
    for (const role of ["owner", "editor", "commenter", "viewer"] as const) await expect(runExportOp.execute(world.members[role], input)).resolves.toMatchObject({ contentType: expect.stringContaining("markdown") });
    await expect(runExportOp.execute(world.outsider, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(runExportOp.execute(null, input)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("previews the first excerpts and counts them all", async () => {
    const p = await previewExportOp.execute(world.members.viewer, { workspaceId: world.workspace.id, options: { groupBy: "document" }, limit: 2 });
    expect(p.total).toBe(3);
    expect(p.groups.flatMap((g) => g.excerpts)).toHaveLength(2);
    expect(p.groups[0]!.excerpts[0]!.citation.permalink).toContain("/compare?d=");
  });
});

describe("grouping by argument-map node", () => {
  it("puts each excerpt under the nodes that stand for it or link to it, the rest last", async () => {
    const meta = connect(server, metaDocName(world.workspace.id), world.members.editor.id);
    await meta.ready;
    const actor = { id: world.members.editor.id, name: world.members.editor.name };
    addFreeNode(meta.doc, { id: "claim-1", kind: "claim", text: "主張：抑止の強化", position: { x: 0, y: 0 } }, actor, new Date());
    placeAnnotation(meta.doc, ids.b!, { x: 100, y: 0 }, actor, new Date());
    await sendCollabOperations({ documentName: metaDocName(world.workspace.id), actor, operations: [{ op: "addLink", input: { from: { kind: "node", id: "claim-1" }, to: { kind: "annotation", id: ids.a! }, kind: "supports" } }] });
    await waitFor(async () => (await loadSources(world.workspace.id)).nodes.length === 2, "map nodes stored");
    disconnectAll();
    const md = (await run("md", { groupBy: "node" })).toString("utf8");
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    // Nodes in label order (Japanese collation); a node standing for an annotation is titled by its quote.
    expect(headings).toEqual(["主張：抑止の強化", "同盟調整メカニズム", "論点マップにないもの"]);
    const sections = md.split(/^## /m).slice(1);
    expect(sections[0]).toContain("> 拡大抑止");
    expect(sections[1]).toContain("> 同盟調整メカニズム");
    expect(sections[2]).toContain("> 日米同盟");
  });
});

