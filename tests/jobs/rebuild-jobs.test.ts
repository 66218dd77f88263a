/**
 * Projection and search-index rebuilds run as durable jobs: queued (as the CLI does), taken by a
 * worker, progress counted in documents, and what they rebuild is back afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { prisma } from "../../lib/infra/db/client";
import { stopBoss } from "../../lib/server/jobs/boss";
import { queueRebuild } from "../../lib/server/jobs/rebuild-jobs";
import { startWorkers, type Workers } from "../../lib/server/jobs/start-workers";
import { annotate, importDemoPaper, makeWorld, startCollabForExport } from "../export/support";
import type { World } from "../support/factories";

let server: CollabServer;
let workers: Workers;
let world: World;

async function finished(id: string) {
  const deadline = Date.now() + 120_000;
  let job = await prisma.importJob.findUniqueOrThrow({ where: { id } });
  while (job.status !== "done" && job.status !== "failed" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    job = await prisma.importJob.findUniqueOrThrow({ where: { id } });
  }
  return job;
}

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  const paper = await importDemoPaper(world, 4);
  await annotate(world, paper, [{ quote: "同盟" }, { quote: "抑止" }]);
  workers = await startWorkers({ pollingIntervalSeconds: 0.5 });
}, 120_000);

afterAll(async () => {
  await workers?.stop(10_000);
  await stopBoss();
  await server?.destroy();
});

describe("rebuilds as jobs", () => {
  it("rebuilds a workspace's projection, counting documents, and brings lost rows back", async () => {
    await prisma.annotation.deleteMany({ where: { workspaceId: world.workspace.id } });
    const job = await finished(await queueRebuild("projection", world.workspace.id, world.members.owner.id));
    const states = await prisma.collabDocument.count({ where: { workspaceId: world.workspace.id } });
    expect(job).toMatchObject({ kind: "projection", status: "done", pagesDone: states, pagesTotal: states });
    expect(await prisma.annotation.count({ where: { workspaceId: world.workspace.id } })).toBe(2);
  });

  it("rebuilds the search index", async () => {
    await prisma.searchChunk.deleteMany({ where: { workspaceId: world.workspace.id } });
    const job = await finished(await queueRebuild("search", world.workspace.id, null));
    expect(job).toMatchObject({ kind: "search", status: "done", pagesDone: 1 });
    expect((job.result as { rows: number }).rows).toBeGreaterThan(0);
    expect(await prisma.searchChunk.count({ where: { workspaceId: world.workspace.id, kind: "annotation" } })).toBe(2);
  });
});
