/**
 * Re-anchoring stored: a new version of a document is imported, the `anchors.reanchor` job
 * (run by a real worker on pg-boss) places every annotation of the old version in it, and the
 * export, the REST API, search and the compare view's data read those placements. Running the
 * job again stores nothing twice; an annotation made on the old version afterwards is placed by
 * the projection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { createApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { runReanchorJob } from "../../lib/server/anchors/run-reanchor-job";
import { prisma } from "../../lib/infra/db/client";
import { getCompareViewOp } from "../../lib/server/documents/get-compare-view";
import { createExport } from "../../lib/server/export/create-export";
import { importDocumentOp, importVersionOp } from "../../lib/server/import/import-document";
import { stopBoss } from "../../lib/server/jobs/boss";
import { startWorkers, type Workers } from "../../lib/server/jobs/start-workers";
import { searchWorkspaceOp } from "../../lib/server/search/search-op";
import { exportOptionsSchema } from "../../lib/core/export";
import { GET as annotationsGET } from "../../app/api/v1/workspaces/[workspaceId]/annotations/route";
import { annotate, collect, makeWorld, startCollabForExport, type Paper } from "../export/support";
import type { World } from "../support/factories";

const KEEP = "日米防衛協力のための指針は、1978年に初めて策定された。";
const EDITED = "周辺事態への対応が新たな課題として浮かび上がった";
const EDITED_NOW = "周辺事態への対処が新たな課題として浮かび上がった";
const STAY = "2015年の指針は、切れ目のない形で日本の平和と安全を確保するため、同盟調整メカニズムを設けた。";
const DELETED = "拡大抑止の信頼性を高めることが今後の課題である";
const MOVED = "以上を踏まえ、本稿は指針の変遷を整理する。";
const V1 = [KEEP, `冷戦が終わると、${EDITED}。`, STAY, `指針の見直しに際しては、${DELETED}と指摘されている。`, MOVED].join("\n\n");
const V2 = [KEEP, `冷戦が終わると、${EDITED_NOW}。`, STAY, MOVED, "付記：本版では第4段落を削除した。"].join("\n\n");

let server: CollabServer;
let workers: Workers;
let world: World;
let paper: Paper;
let v2Id: string;
let jobId: string;
let ids: { exact: string; changed: string; orphan: string; moved: string };

const encode = (s: string) => new TextEncoder().encode(s);

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    v = await read();
  }
  return v;
}

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  const doc = await importDocumentOp.execute(world.members.owner, { workspaceId: world.workspace.id, fileName: "guidelines.txt", bytes: encode(V1) });
  const v1 = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: doc.id }, select: { id: true, text: true } });
  paper = { id: doc.id, versionId: v1.id, text: v1.text, title: doc.title };
  const made = await annotate(world, paper, [{ quote: KEEP.slice(0, 20) }, { quote: EDITED }, { quote: DELETED }, { quote: MOVED }]);
  ids = { exact: made[0]!, changed: made[1]!, orphan: made[2]!, moved: made[3]! };
  await waitFor(() => prisma.annotation.count({ where: { documentId: doc.id } }), (n) => n === 4);
  workers = await startWorkers({ pollingIntervalSeconds: 0.5 });
}, 120_000);

afterAll(async () => {
  await workers?.stop(10_000);
  await stopBoss();
  await server?.destroy();
});

describe("a new version re-anchors every annotation on the server", () => {
  it("queues a job that stores exact, moved, changed and orphan placements with the new place and quote", async () => {
    const r = await importVersionOp.execute(world.members.editor, { workspaceId: world.workspace.id, documentId: paper.id, fileName: "guidelines-v2.txt", bytes: encode(V2) });
    expect(r.reanchorJobId).toBeTruthy();
    jobId = r.reanchorJobId!;
    v2Id = r.versionId;
    const job = await waitFor(() => prisma.importJob.findUniqueOrThrow({ where: { id: jobId } }), (j) => j.status === "done" || j.status === "failed");
    expect(job).toMatchObject({ kind: "reanchor", status: "done", pagesDone: 4, pagesTotal: 4, result: { exact: 1, moved: 1, changed: 1, orphan: 1 } });

    const v2 = await prisma.documentVersion.findUniqueOrThrow({ where: { id: v2Id }, select: { text: true } });
    const rows = new Map((await prisma.annotationPlacement.findMany({ where: { versionId: v2Id } })).map((p) => [p.annotationId, p]));
    expect(rows.get(ids.exact)).toMatchObject({ status: "exact", start: 0, end: 20, quote: KEEP.slice(0, 20) });
    expect(rows.get(ids.moved)).toMatchObject({ status: "moved", start: v2.text.indexOf(MOVED), quote: MOVED });
    expect(rows.get(ids.changed)).toMatchObject({ status: "changed", start: v2.text.indexOf(EDITED_NOW), quote: EDITED_NOW });
    expect(rows.get(ids.orphan)).toMatchObject({ status: "orphan", start: null, end: null, quote: null });
  }, 120_000);

  it("running the job again stores every placement once", async () => {
    await prisma.importJob.update({ where: { id: jobId }, data: { status: "queued" } });
    await runReanchorJob(jobId);
    await runReanchorJob(jobId);
    expect(await prisma.annotationPlacement.count({ where: { versionId: v2Id } })).toBe(4);
    expect(await prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "done", pagesDone: 4, result: { exact: 1, moved: 1, changed: 1, orphan: 1 } });
  });

  it("exports cite the passage in the new version", async () => {
    const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format: "jsonld" }), baseUrl: "http://synoptic.test", locale: "en", now: new Date() });
    const body = JSON.parse((await collect(file.chunks)).toString("utf8")) as { first?: { items: unknown[] }; items?: unknown[] };
    const text = JSON.stringify(body);
    expect(text).toContain(EDITED_NOW);
    expect(text).not.toContain(EDITED);
    // The orphan is still cited where it was made: nothing else is known of it.
    expect(text).toContain(DELETED);
  });

  it("the REST API returns the new place", async () => {
    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "reanchor" });
    const res = await annotationsGET(new Request(`http://synoptic.test/api/v1/workspaces/${world.workspace.id}/annotations?pageSize=50`, { headers: { Authorization: `Bearer ${token}` } }), { params: Promise.resolve({ workspaceId: world.workspace.id }) });
    const page = (await res.json()) as { items: { id: string; target: { source: string; selector: { type: string; exact?: string; start?: number }[] } }[] };
    const changed = page.items.find((i) => i.id.endsWith(ids.changed))!;
    expect(changed.target.selector.find((s) => s.type === "TextQuoteSelector")?.exact).toBe(EDITED_NOW);
    const v2 = await prisma.documentVersion.findUniqueOrThrow({ where: { id: v2Id }, select: { text: true } });
    expect(changed.target.selector.find((s) => s.type === "TextPositionSelector")?.start).toBe([...v2.text.slice(0, v2.text.indexOf(EDITED_NOW))].length);
  });

  it("search finds the quote at its new place, and the compare view hands the placements to the pane", async () => {
    const found = await searchWorkspaceOp.execute(world.members.viewer, { workspaceId: world.workspace.id, q: "対処が新たな課題", kinds: ["annotation"] });
    const hit = found.hits.find((h) => h.annotationId === ids.changed);
    const v2 = await prisma.documentVersion.findUniqueOrThrow({ where: { id: v2Id }, select: { text: true } });
    expect(hit).toMatchObject({ versionId: v2Id, start: v2.text.indexOf("対処が新たな課題") });

    const view = await getCompareViewOp.execute(world.members.viewer, { workspaceId: world.workspace.id, documentIds: [paper.id] });
    const placements = new Map(view.panes[0]!.placements.map((p) => [p.annotationId, p]));
    expect(placements.get(ids.moved)).toMatchObject({ status: "moved", start: v2.text.indexOf(MOVED) });
    expect(placements.get(ids.orphan)?.status).toBe("orphan");
  });

  it("an annotation made on the old version afterwards is placed when it is projected", async () => {
    const [late] = await annotate(world, paper, [{ quote: STAY.slice(0, 24) }]);
    const row = await waitFor(() => prisma.annotationPlacement.findFirst({ where: { annotationId: late!, versionId: v2Id } }), (p) => p !== null);
    const v2 = await prisma.documentVersion.findUniqueOrThrow({ where: { id: v2Id }, select: { text: true } });
    expect(row).toMatchObject({ status: "exact", start: v2.text.indexOf(STAY), quote: STAY.slice(0, 24) });
  });
});
