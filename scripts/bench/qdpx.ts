/**
 * REFI-QDA benchmark: a workspace of 20 documents (the five demo papers, four times each) and
 * 5,000 annotations with themes, notes, replies and links, written through the collab server's
 * direct writes. Measures one .qdpx export (after a warm-up) and one import of it into an empty
 * workspace, and counts what the round trip lost or moved (annotations, codings, notes,
 * replies, links compared by document, position and quote). Baseline of the timings: one query
 * fetching every annotation row.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchResult } from "../bench";

const DEMO = fileURLToPath(new URL("../../prisma/demo/", import.meta.url));
const DOCS = 20;
const ANNOTATIONS = 5_000;
const round = (n: number): number => Math.round(n * 100) / 100;

export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL ??= "warn";
  const { createTestDatabase } = await import("../../tests/support/test-database");
  const previous = { DATABASE_URL: process.env.DATABASE_URL, COLLAB_INTERNAL_URL: process.env.COLLAB_INTERNAL_URL };
  const db = await createTestDatabase("bench-qdpx");
  process.env.DATABASE_URL = db.url;
  const { randomBytes } = await import("node:crypto");
  process.env.COLLAB_TOKEN_SECRET = randomBytes(32).toString("base64url");
  const { createCollabServer } = await import("../../lib/collab/server");
  const server = await createCollabServer({ port: 0, host: "127.0.0.1", secret: process.env.COLLAB_TOKEN_SECRET, allowedOrigins: [], debounceMs: 50, maxDebounceMs: 300, redis: null });
  process.env.COLLAB_INTERNAL_URL = server.url.replace(/^ws/, "http");
  const { disconnectPrisma, prisma } = await import("../../lib/infra/db/client");
  const { closeExtractPool } = await import("../../lib/server/import/extract-pool");
  try {
    const workspaceId = await seed();
    const { createQdpx } = await import("../../lib/server/interop/qdpx/create-qdpx");
    const { importQdpx } = await import("../../lib/server/interop/qdpx/import-qdpx");
    const { exportOptionsSchema } = await import("../../lib/core/export");
    const { makeWorld } = await import("../../tests/support/factories");
    const { fingerprint } = await import("../../tests/qdpx/support");
    const options = exportOptionsSchema.parse({ format: "qdpx" });
    const t0 = performance.now();
    await prisma.annotation.findMany({ where: { workspaceId } });
    const baselineMs = performance.now() - t0;

    await createQdpx(workspaceId, options, new Date()); // warm-up
    const t1 = performance.now();
    const file = await createQdpx(workspaceId, options, new Date());
    const exportMs = performance.now() - t1;

    const target = await makeWorld();
    const t2 = performance.now();
    await importQdpx({ workspaceId: target.workspace.id, bytes: file.bytes, actor: target.members.owner, now: new Date() });
    const importMs = performance.now() - t2;

    const before = await fingerprint(workspaceId);
    const after = await fingerprint(target.workspace.id);
    const lost = missing(before.annotations.map((a) => JSON.stringify(a)), after.annotations.map((a) => JSON.stringify(a))) + missing(before.links, after.links);
    const result = (metric: string, value: number, unit: string, targetValue: number, baseline: number): BenchResult => ({ metric, value: round(value), unit, target: targetValue, baseline: round(baseline), ratio: round(value / Math.max(baseline, 1e-6)) });
    return [
      result("qdpx_export_ms", exportMs, "ms", 3000, baselineMs),
      result("qdpx_import_ms", importMs, "ms", 3000, baselineMs),
      // Baseline: the annotations and links that went out (what "everything lost" would be).
      result("qdpx_roundtrip_lost", lost, "items", 0, before.annotations.length + before.links.length),
    ];
  } finally {
    await closeExtractPool();
    await server.destroy();
    await disconnectPrisma();
    await db.dispose();
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Entries of `a` not matched one-to-one in `b`. */
function missing(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of a) {
    const k = left.get(x) ?? 0;
    if (k > 0) left.set(x, k - 1);
    else n++;
  }
  return n;
}

async function seed(): Promise<string> {
  const { makeWorld } = await import("../../tests/support/factories");
  const { prepareDemoDocument } = await import("../../lib/server/demo/prepare-demo-document");
  const { createDocument } = await import("../../lib/server/documents/create-document");
  const { prisma } = await import("../../lib/infra/db/client");
  const { sendCollabOperations } = await import("../../lib/server/collab/send-collab-operations");
  const { annotationsDocName, buildAnchor, discussionDocName, metaDocName } = await import("../../lib/core/collab");
  const world = await makeWorld();
  const actor = { id: world.members.editor.id, name: world.members.editor.name };
  await sendCollabOperations({
    documentName: metaDocName(world.workspace.id),
    actor,
    operations: [
      { op: "upsertTheme", input: { id: "t1", name: "抑止", colour: "#336699" } },
      { op: "upsertTheme", input: { id: "t2", name: "拡大抑止", colour: "#993366", parentId: "t1" } },
      { op: "upsertTheme", input: { id: "t3", name: "指揮統制", colour: "#669933" } },
    ],
  });
  const manifest = JSON.parse(readFileSync(`${DEMO}demo.json`, "utf8")) as { documents: { file: string; title: string; authors: string | null }[] };
  const perDoc = ANNOTATIONS / DOCS;
  const links: { from: string; to: string }[] = [];
  for (let d = 0; d < DOCS; d++) {
    const meta = manifest.documents[d % manifest.documents.length]!;
    const prepared = await prepareDemoDocument(new Uint8Array(readFileSync(DEMO + meta.file)), meta.file);
    const doc = await createDocument(world.workspace.id, world.members.owner.id, { ...prepared.meta, title: `${meta.title} (${d + 1})`, authors: meta.authors }, prepared.content, new Date());
    const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
    const operations = Array.from({ length: perDoc }, (_, i) => {
      let start = Math.floor((v.text.length - 120) * (i / perDoc));
      if (/[\uDC00-\uDFFF]/.test(v.text[start] ?? "")) start++;
      while (/\s/.test(v.text[start] ?? "")) start++;
      let end = start + 20 + (i % 60);
      if (/[\uDC00-\uDFFF]/.test(v.text[end] ?? "")) end++;
      while (/\s/.test(v.text[end - 1] ?? "")) end--;
      const themeIds = i % 3 === 0 ? ["t1"] : i % 3 === 1 ? ["t2", "t3"] : [];
      return { op: "createAnnotation" as const, input: { id: globalThis.crypto.randomUUID(), anchor: buildAnchor(v.text, v.id, start, end), colour: "#ffcc00", themeIds, ...(i % 2 === 0 ? { note: `メモ ${i}: 論点を確認する。` } : {}) } };
    });
    await sendCollabOperations({ documentName: annotationsDocName(world.workspace.id, doc.id), actor, operations });
    const replies = operations.filter((_, i) => i % 10 === 0).map((o) => ({ op: "addReply" as const, input: { annotationId: o.input.id, body: `返信 ${o.input.id.slice(0, 4)}` } }));
    await sendCollabOperations({ documentName: discussionDocName(world.workspace.id, doc.id), actor, operations: replies });
    for (let i = 0; i + 1 < operations.length; i += 25) links.push({ from: operations[i]!.input.id, to: operations[i + 1]!.input.id });
  }
  await sendCollabOperations({ documentName: metaDocName(world.workspace.id), actor, operations: links.map((l) => ({ op: "addLink" as const, input: { from: { kind: "annotation" as const, id: l.from }, to: { kind: "annotation" as const, id: l.to }, kind: "supports" } })) });
  return world.workspace.id;
}
