/**
 * 50,000 excerpts (50 papers × 1,000 annotations, written through the collab server) stream out
 * with bounded memory: the export is read chunk by chunk and never held, and the heap grows by
 * a fraction of the output's size.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { annotationsDocName, buildAnchor } from "../../lib/core/collab";
import { exportOptionsSchema, type ExportFormat } from "../../lib/core/export";
import { createDocument } from "../../lib/server/documents/create-document";
import { createExport } from "../../lib/server/export/create-export";
import { sendCollabOperations } from "../../lib/server/collab/send-collab-operations";
import { prisma } from "../../lib/infra/db/client";
import type { World } from "../support/factories";
import { importDemoPaper, makeWorld, startCollabForExport } from "./support";

const PAPERS = 50;
const PER_PAPER = 1_000;
let server: CollabServer;
let world: World;

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  const model = await importDemoPaper(world, 2);
  const version = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: model.id }, select: { blocks: true } });
  const actor = { id: world.members.editor.id, name: world.members.editor.name };
  const text = model.text;
  for (let d = 0; d < PAPERS; d++) {
    const doc = d === 0 ? { id: model.id } : await createDocument(world.workspace.id, world.members.owner.id, { title: `論文 ${d}` }, { text, blocks: version.blocks as unknown[] }, new Date());
    const versionId = d === 0 ? model.versionId : (await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true } })).id;
    const operations = Array.from({ length: PER_PAPER }, (_, i) => {
      let start = Math.floor(((text.length - 100) * i) / PER_PAPER);
      if (/[\uDC00-\uDFFF]/.test(text[start] ?? "")) start++;
      let end = start + 20 + (i % 60);
      if (/[\uDC00-\uDFFF]/.test(text[end] ?? "")) end++;
      return { op: "createAnnotation" as const, input: { anchor: buildAnchor(text, versionId, start, end), colour: "#ffcc00", ...(i % 4 === 0 ? { note: `メモ ${i}` } : {}) } };
    });
    await sendCollabOperations({ documentName: annotationsDocName(world.workspace.id, doc.id), actor, operations });
  }
}, 600_000);
afterAll(async () => server?.destroy());

// A full collection now and then measures what the export keeps alive, not garbage not yet collected.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

async function streamed(format: ExportFormat): Promise<{ bytes: number; rows: number; peakHeapMb: number; ms: number }> {
  const started = performance.now();
  gc();
  const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format, groupBy: "none" }), baseUrl: "http://synoptic.test", locale: "ja", now: new Date() });
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let bytes = 0;
  let rows = 0;
  const decoder = new TextDecoder();
  let n = 0;
  for await (const chunk of file.chunks) {
    bytes += chunk.length;
    if (format === "csv") rows += decoder.decode(chunk, { stream: true }).split("\r\n").length - 1;
    if (++n % 50 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { bytes, rows, peakHeapMb: (peak - before) / (1024 * 1024), ms: performance.now() - started };
}

describe("50,000 excerpts", () => {
  it("are all projected", async () => {
    expect(await prisma.annotation.count({ where: { workspaceId: world.workspace.id } })).toBe(PAPERS * PER_PAPER);
  });

  it("stream out as CSV and JSON-LD with bounded memory", async () => {
    const csv = await streamed("csv");
    expect(csv.rows).toBe(PAPERS * PER_PAPER + 1);
    const jsonld = await streamed("jsonld");
    for (const [name, r] of [["csv", csv], ["jsonld", jsonld]] as const) console.log(`[large] ${name}: ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(r.ms)} ms, live heap +${r.peakHeapMb.toFixed(1)} MB`);
    expect(jsonld.bytes).toBeGreaterThan(40e6);
    // Holding the output would take its size in the heap (twice, as UTF-16 strings).
    expect(jsonld.peakHeapMb).toBeLessThan(jsonld.bytes / 1e6 / 2);
    expect(csv.peakHeapMb).toBeLessThan(csv.bytes / 1e6 / 2);
  }, 300_000);
});
