/**
 * `npm run collab:rebuild-projection [-- --workspace <id>] [--search]`: re-derives Annotation,
 * Reply, Theme, AnnotationTheme, Link and ProjectionFlag from the stored Yjs states — as one
 * durable job per workspace (`rebuild.projection`, lib/server/jobs/rebuild-jobs.ts), with
 * `--search` also the search index (`rebuild.search`). Prints each job's progress until all are
 * done. The running worker (`npm start`, `npm run worker`) takes them; when none has after
 * 10 s, this process runs a worker itself. Uses DATABASE_URL, or the embedded database of
 * `npm start` when it is unset.
 */
import { resolveDatabase } from "../lib/server/db/resolve";

const HANDOVER_MS = 10_000;

async function main(): Promise<void> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  const i = process.argv.indexOf("--workspace");
  const only = i > 0 ? process.argv[i + 1] : undefined;
  const { prisma, disconnectPrisma } = await import("../lib/server/db/client");
  const { queueRebuild } = await import("../lib/server/jobs/rebuild-jobs");
  const { stopBoss } = await import("../lib/server/jobs/boss");
  const { startWorkers } = await import("../lib/server/jobs/start-workers");
  let workers: Awaited<ReturnType<typeof startWorkers>> | null = null;
  try {
    const workspaces = only ? [{ id: only }] : await prisma.workspace.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
    const ids: string[] = [];
    for (const w of workspaces) {
      ids.push(await queueRebuild("projection", w.id, null));
      if (process.argv.includes("--search")) ids.push(await queueRebuild("search", w.id, null));
    }
    const started = Date.now();
    let last = "";
    for (;;) {
      const jobs = await prisma.importJob.findMany({ where: { id: { in: ids } }, select: { kind: true, workspaceId: true, status: true, pagesDone: true, pagesTotal: true, result: true } });
      const line = jobs.map((j) => `${j.kind} ${j.workspaceId}: ${j.status} ${j.pagesDone}/${j.pagesTotal}`).join("\n");
      if (line !== last) console.log((last = line));
      if (jobs.every((j) => j.status === "done" || j.status === "failed")) {
        for (const j of jobs) console.log(`${j.kind} ${j.workspaceId}: ${j.status} ${JSON.stringify(j.result ?? {})}`);
        if (jobs.some((j) => j.status === "failed")) process.exitCode = 1;
        break;
      }
      if (!workers && Date.now() - started > HANDOVER_MS && jobs.every((j) => j.status === "queued")) {
        console.log("no worker took the jobs: running them in this process");
        workers = await startWorkers({ pollingIntervalSeconds: 0.5 });
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await workers?.stop(60_000);
    await stopBoss();
    await disconnectPrisma();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
