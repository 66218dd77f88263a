/**
 * The demo workspace's content (prisma/demo/workspace.json) seeded through a real collab server
 * into the five real papers: what a newcomer sees must be there, anchored exactly, exportable
 * and re-importable, and the seed must be safe to run again, to resume, and to leave users' work alone.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { annotationsDocName, buildAnchor } from "../../lib/collab/model";
import { planDemoContent, demoEntryIds } from "../../lib/core/demo";
import { exportOptionsSchema } from "../../lib/core/export";
import { computeCooccurrence, computeMatrix } from "../../lib/core/themes";
import { sendCollabBatch, sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { prisma } from "../../lib/infra/db/client";
import { createDemoWorkspace, DEMO_USERS } from "../../lib/server/demo/seed-demo";
import { readDemoContent, seedDemoContent } from "../../lib/server/demo/seed-demo-content";
import { createExport } from "../../lib/server/export/create-export";
import { importAnnotationsOp } from "../../lib/server/interop/import-annotations";
import { closeExtractPool } from "../../lib/server/import/extract-pool";
import { loadAnalysis } from "../../lib/server/themes/load-analysis";
import { actingMember } from "../../lib/server/workspaces/acting-member";
import { collect, startCollabForExport } from "../export/support";

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "demo");
let server: CollabServer;
let ws: { id: string; slug: string };

async function fresh(tag: string): Promise<{ id: string; slug: string }> {
  const slug = `demo-${tag}-${Date.now().toString(36)}`;
  const { id } = await createDemoWorkspace(DEMO_DIR, { slug });
  return { id, slug };
}

beforeAll(async () => {
  server = await startCollabForExport();
  ws = await fresh("seed");
}, 120_000);
afterAll(async () => {
  await server?.destroy();
  await closeExtractPool();
});

describe("the demo workspace's content", () => {
  it("completes a seed interrupted half way, and a second run writes nothing", async () => {
    const content = await readDemoContent(DEMO_DIR);
    // Send the first half of the batches only, as a start killed half way would.
    const documents = new Map<string, { documentId: string; versionId: string; text: string }>();
    const docs = await prisma.document.findMany({ where: { workspaceId: ws.id }, select: { id: true, versions: { select: { id: true, text: true, sourceName: true } } } });
    for (const d of docs) documents.set(d.versions[0]!.sourceName!, { documentId: d.id, versionId: d.versions[0]!.id, text: d.versions[0]!.text });
    const members = new Map<string, { id: string; name: string }>();
    for (const u of DEMO_USERS) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: u.email } });
      members.set(u.key, { id: user.id, name: user.name ?? u.name });
    }
    const batches = planDemoContent({ content, workspaceId: ws.id, documents, members, existing: new Set(), positioned: new Set() });
    for (const b of batches.slice(0, Math.floor(batches.length / 2))) await sendCollabBatch(b);

    expect(await seedDemoContent(DEMO_DIR, ws.slug)).toBe("seeded");
    expect(await seedDemoContent(DEMO_DIR, ws.slug)).toBe("complete");

    const annotations = Object.values(content.documents).flat();
    const replies = annotations.reduce((n, a) => n + a.replies.length, 0);
    expect(await prisma.annotation.count({ where: { workspaceId: ws.id } })).toBe(annotations.length);
    expect(await prisma.reply.count({ where: { workspaceId: ws.id } })).toBe(replies);
    expect(await prisma.link.count({ where: { workspaceId: ws.id } })).toBe(content.links.length + content.map.links.length);
    expect(await prisma.annotation.count({ where: { workspaceId: ws.id, status: "resolved" } })).toBeGreaterThan(3);
    expect(await prisma.projectionFlag.count({ where: { workspaceId: ws.id } })).toBe(0);
    // Written in the three members' names, the commenter's by replies.
    const authors = await prisma.reply.findMany({ where: { workspaceId: ws.id }, distinct: ["authorId"], select: { authorId: true } });
    expect(authors.length).toBe(3);
  }, 240_000);

  it("exports at least 50 annotations across the five papers as JSON-LD, each anchored exactly, and re-imports them all exactly", async () => {
    const file = await createExport({ workspaceId: ws.id, options: exportOptionsSchema.parse({ format: "jsonld" }), baseUrl: "http://synoptic.test", locale: "ja", now: new Date() });
    const bytes = new Uint8Array(await collect(file.chunks));
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { first?: { items: unknown[] }; items?: unknown[] };
    const items = (json.first?.items ?? json.items ?? []) as { target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] } }[];
    expect(items.length).toBeGreaterThanOrEqual(50);
    const texts = new Map((await prisma.document.findMany({ where: { workspaceId: ws.id }, select: { id: true, versions: { select: { text: true } } } })).map((d) => [d.id, [...d.versions[0]!.text]]));
    const sources = new Set<string>();
    for (const item of items) {
      const id = [...texts.keys()].find((k) => item.target.source.includes(k))!;
      sources.add(id);
      const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector")!;
      const position = item.target.selector.find((s) => s.type === "TextPositionSelector")!;
      // W3C offsets are code points.
      expect(texts.get(id)!.slice(position.start, position.end).join("")).toBe(quote.exact);
    }
    expect(sources.size).toBe(5);
    const { actor } = await actingMember(ws.slug);
    const dry = await importAnnotationsOp.execute(actor, { workspaceId: ws.id, bytes, dryRun: true });
    expect(dry.report).toEqual({ exact: items.length, fuzzy: 0, orphaned: 0 });
  }, 120_000);

  it("fills every row of the theme matrix, with each theme in at least two papers", async () => {
    const data = await loadAnalysis(ws.id);
    const matrix = computeMatrix(data);
    expect(matrix.rows.length).toBeGreaterThanOrEqual(8);
    expect(matrix.rows.length).toBeLessThanOrEqual(12);
    for (const row of matrix.rows) {
      expect(row.total.count, row.theme.name).toBeGreaterThan(0);
      expect(row.cells.filter((c) => c.count > 0).length, row.theme.name).toBeGreaterThanOrEqual(2);
    }
    expect(matrix.rows.some((r) => r.depth > 0)).toBe(true);
    const co = computeCooccurrence({ themes: data.themes, annotations: data.annotations });
    expect(JSON.stringify(co)).not.toBe("{}");
  });

  it("leaves a workspace with its users' own work alone", async () => {
    const other = await fresh("user");
    const { actor } = await actingMember(other.slug);
    const doc = await prisma.documentVersion.findFirstOrThrow({ where: { document: { workspaceId: other.id } }, select: { documentId: true, id: true, text: true } });
    await sendCollabOperations({
      documentName: annotationsDocName(other.id, doc.documentId),
      actor: { id: actor.id, name: actor.name },
      operations: [{ op: "createAnnotation", input: { id: "users-own", anchor: buildAnchor(doc.text, doc.id, 10, 20), colour: "#3b82d6" } }],
    });
    expect(await seedDemoContent(DEMO_DIR, other.slug)).toBe("skipped_user_content");
    expect(await prisma.annotation.count({ where: { workspaceId: other.id } })).toBe(1);
  });

  it("fails loudly when a quote no longer matches its paper", async () => {
    const content = await readDemoContent(DEMO_DIR);
    const [file, list] = Object.entries(content.documents)[0]!;
    const broken = { ...content, documents: { ...content.documents, [file]: [{ ...list[0]!, quote: "この論文には決して現れない一節" }, ...list.slice(1)] } };
    const documents = new Map([[file, { documentId: "d", versionId: "v", text: "本文" }]]);
    const members = new Map(DEMO_USERS.map((u) => [u.key, { id: u.key, name: u.name }]));
    expect(() => planDemoContent({ content: broken, workspaceId: "w", documents, members, existing: demoEntryIds(content), positioned: new Set() })).toThrow(/is not in the text/);
  });
});
