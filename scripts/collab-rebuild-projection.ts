/**
 * `npm run collab:rebuild-projection [-- --workspace SLUG|ID] [--search]`: re-derives Annotation,
 * Reply, Theme, AnnotationTheme, Link and ProjectionFlag from the stored Yjs states — as one
 * durable job per workspace (`rebuild.projection`, lib/server/jobs/rebuild-jobs.ts), with
 * `--search` also the search index (`rebuild.search`). Prints each job's progress until all are
 * done. The running worker (`npm start`, `npm run worker`) takes them; when none has after
 * 10 s, this process runs a worker itself. Uses DATABASE_URL, or the embedded database of a
 * running `npm start` (started here when none runs). Exit codes: 0 done, 1 failure, 2 bad usage.
 */
import { resolveDatabase } from "../lib/infra/db/resolve";

const USAGE = "usage: npm run collab:rebuild-projection [-- --workspace SLUG|ID] [--search]";
const HANDOVER_MS = 10_000;

interface Args {
  workspace?: string;
  search: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { search: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--workspace") args.workspace = argv[++i] ?? fail("--workspace needs a value");
    else if (a.startsWith("--workspace=")) args.workspace = a.slice("--workspace=".length) || fail("--workspace needs a value");
    else if (a === "--search") args.search = true;
    else if (a === "--") continue;
    else fail(`unknown argument ${a}`);
  }
  return args;
}

function fail(message: string): never {
  process.stderr.write(`collab:rebuild-projection: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(args: Args): Promise<number> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  const { prisma, disconnectPrisma } = await import("../lib/infra/db/client");
  const { queueRebuild } = await import("../lib/server/jobs/rebuild-jobs");
  const { stopBoss } = await import("../lib/server/jobs/boss");
  const { startWorkers } = await import("../lib/server/jobs/start-workers");
  let workers: Awaited<ReturnType<typeof startWorkers>> | null = null;
  try {
    let workspaces: { id: string }[];
    if (args.workspace) {
      const ws = await prisma.workspace.findFirst({ where: { OR: [{ slug: args.workspace }, { id: args.workspace }] }, select: { id: true } });
      if (!ws) {
        process.stderr.write(`collab:rebuild-projection: no workspace with slug or id ${args.workspace}\n`);
        return 1;
      }
      workspaces = [ws];
    } else workspaces = await prisma.workspace.findMany({ select: { id: true }, orderBy: { createdAt: "asc" } });
    const ids: string[] = [];
    for (const w of workspaces) {
      ids.push(await queueRebuild("projection", w.id, null));
      if (args.search) ids.push(await queueRebuild("search", w.id, null));
    }
    const started = Date.now();
    let last = "";
    for (;;) {
      const jobs = await prisma.importJob.findMany({ where: { id: { in: ids } }, select: { kind: true, workspaceId: true, status: true, pagesDone: true, pagesTotal: true, result: true } });
      const line = jobs.map((j) => `${j.kind} ${j.workspaceId}: ${j.status} ${j.pagesDone}/${j.pagesTotal}`).join("\n");
      if (line !== last) process.stdout.write(`${(last = line)}\n`);
      if (jobs.every((j) => j.status === "done" || j.status === "failed")) {
        for (const j of jobs) process.stdout.write(`${j.kind} ${j.workspaceId}: ${j.status} ${JSON.stringify(j.result ?? {})}\n`);
        return jobs.some((j) => j.status === "failed") ? 1 : 0;
      }
      if (!workers && Date.now() - started > HANDOVER_MS && jobs.every((j) => j.status === "queued")) {
        process.stdout.write("no worker took the jobs: running them in this process\n");
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

const args = parseArgs(process.argv.slice(2));
let code = 1;
try {
  code = await main(args);
} catch (e) {
  process.stderr.write(`collab:rebuild-projection: ${e instanceof Error ? e.message : String(e)}\n`);
}
process.exit(code);
