/**
 * Export benchmark: 5,000 excerpts over five demo papers, written through the collab server's
 * direct-write path (so the projection is the real one), then exported as DOCX, PDF and JSON-LD.
 * Prints the median of three runs per format and the peak memory the exports added (RSS above
 * the level before the first export). Baseline of the timings: one query fetching every
 * excerpt row; of the memory: the size of the largest file.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "../bench";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const EXCERPTS = 5_000;
const RUNS = 3;
const round = (n: number): number => Math.round(n * 100) / 100;

export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL ??= "warn";
  const { createTestDatabase } = await import("../../tests/support/test-database");
  const previous = { DATABASE_URL: process.env.DATABASE_URL, COLLAB_INTERNAL_URL: process.env.COLLAB_INTERNAL_URL };
  const db = await createTestDatabase("bench-export");
  process.env.DATABASE_URL = db.url;
  const { randomBytes } = await import("node:crypto");
  process.env.COLLAB_TOKEN_SECRET = randomBytes(32).toString("base64url");
  const { createCollabServer } = await import("../../lib/collab/server");
  const server = await createCollabServer({ port: 0, host: "127.0.0.1", secret: process.env.COLLAB_TOKEN_SECRET, allowedOrigins: [], debounceMs: 50, maxDebounceMs: 300 });
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, "http");
  const { disconnectPrisma, prisma } = await import("../../lib/infra/db/client");
  try {
    const workspaceId = await seed();
    const { createExport } = await import("../../lib/server/export/create-export");
    const { exportOptionsSchema } = await import("../../lib/core/export");
    const count = await prisma.annotation.count({ where: { workspaceId } });
    if (count !== EXCERPTS) throw new Error(`expected ${EXCERPTS} projected excerpts, found ${count}`);

    const baselineMs = await median(async () => void (await prisma.annotation.findMany({ where: { workspaceId } })));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const sizes: Record<string, number> = {};
    const timeOf = (format: "docx" | "pdf" | "jsonld") =>
      median(async () => {
        const file = await createExport({ workspaceId, options: exportOptionsSchema.parse({ format, include: { notes: true, replies: false, links: false, comments: false } }), baseUrl: "http://bench.local", locale: "ja", now: new Date() });
        let bytes = 0;
        for await (const chunk of file.chunks) bytes += chunk.length;
        sizes[format] = bytes;
      });
    const docx = await timeOf("docx");
    const pdf = await timeOf("pdf");
    const jsonld = await timeOf("jsonld");
    clearInterval(sampler);
    const peakMb = (peak - rssBefore) / (1024 * 1024);
    const result = (metric: string, value: number, unit: string, target: number, baseline: number): BenchResult => ({ metric, value: round(value), unit, target, baseline: round(baseline), ratio: round(value / Math.max(baseline, 1e-6)) });
    return [
      result("export_docx_ms", docx, "ms", 2000, baselineMs),
      result("export_pdf_ms", pdf, "ms", 4000, baselineMs),
      result("export_jsonld_ms", jsonld, "ms", 500, baselineMs),
      // DOCX is built whole in memory by the docx library; the streamed formats stay flat.
      // Baseline: the largest file's size, what holding one output in memory would take at least.
      result("export_peak_mb", peakMb, "MB", 512, Math.max(...Object.values(sizes)) / (1024 * 1024)),
    ];
  } finally {
    await server.destroy();
    await disconnectPrisma();
    await db.dispose();
    // The next suite must create its own database, not reuse this (stopped) one.
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A workspace with five demo papers, two themes and 1,000 annotations on each paper. */
export async function seed(): Promise<string> {
  const { makeWorld } = await import("../../tests/support/factories");
  const { prepareDemoDocument } = await import("../../lib/server/demo/prepare-demo-document");
  const { createDocument } = await import("../../lib/server/documents/create-document");
  const { prisma } = await import("../../lib/infra/db/client");
  const { sendCollabOperations } = await import("../../lib/server/collab/send-collab-operations");
  const { annotationsDocName, buildAnchor, metaDocName } = await import("../../lib/core/collab");
  const world = await makeWorld();
  const actor = { id: world.members.editor.id, name: world.members.editor.name };
  await sendCollabOperations({ documentName: metaDocName(world.workspace.id), actor, operations: [{ op: "upsertTheme", input: { id: "t1", name: "拡大抑止", colour: "#336699" } }, { op: "upsertTheme", input: { id: "t2", name: "指揮統制", colour: "#993366" } }] });
  const manifest = JSON.parse(readFileSync(`${DEMO}demo.json`, "utf8")) as { documents: { file: string; title: string; authors: string | null }[] };
  const perDoc = EXCERPTS / manifest.documents.length;
  for (const meta of manifest.documents) {
    const prepared = await prepareDemoDocument(new Uint8Array(readFileSync(DEMO + meta.file)), meta.file);
    const doc = await createDocument(world.workspace.id, world.members.owner.id, { ...prepared.meta, title: meta.title, authors: meta.authors }, prepared.content, new Date());
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
    const operations = Array.from({ length: perDoc }, (_, i) => {
      let start = Math.floor((v.text.length - 120) * (i / perDoc));
      if (/[\uDC00-\uDFFF]/.test(v.text[start] ?? "")) start++;
      let end = start + 40 + (i % 80);
      if (/[\uDC00-\uDFFF]/.test(v.text[end] ?? "")) end++;
      return { op: "createAnnotation" as const, input: { anchor: buildAnchor(v.text, v.id, start, end), colour: "#ffcc00", themeIds: i % 3 === 0 ? ["t1"] : i % 3 === 1 ? ["t2"] : [], ...(i % 2 === 0 ? { note: `メモ ${i}: 論点を確認する。` } : {}) } };
    });
    await sendCollabOperations({ documentName: annotationsDocName(world.workspace.id, doc.id), actor, operations });
  }
  return world.workspace.id;
}

async function median(fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up: fonts, JIT, query plans
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
