/**
 * `npm run collab:rebuild-projection [-- --workspace SLUG|ID]`: re-derives Annotation, Reply, Theme,
 * AnnotationTheme, Link and ProjectionFlag from the stored Yjs states. Uses DATABASE_URL, or the
 * embedded database of a running `npm start` (started here when none runs). Safe beside the app:
 * it works under the same row lock as a store. Exit codes: 0 done, 1 failure, 2 bad usage.
 */
import { resolveDatabase } from "../lib/server/db/resolve";

const USAGE = "usage: npm run collab:rebuild-projection [-- --workspace SLUG|ID]";

function parseArgs(argv: readonly string[]): { workspace?: string } {
  let workspace: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--workspace") workspace = argv[++i] ?? fail("--workspace needs a value");
    else if (a.startsWith("--workspace=")) workspace = a.slice("--workspace=".length) || fail("--workspace needs a value");
    else if (a === "--") continue;
    else fail(`unknown argument ${a}`);
  }
  return workspace ? { workspace } : {};
}

function fail(message: string): never {
  process.stderr.write(`collab:rebuild-projection: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(args: { workspace?: string }): Promise<number> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  const { rebuildProjection } = await import("../lib/collab/server/rebuild-projection");
  const { prisma, disconnectPrisma } = await import("../lib/server/db/client");
  try {
    let workspaceId: string | undefined;
    if (args.workspace) {
      const ws = await prisma.workspace.findFirst({ where: { OR: [{ slug: args.workspace }, { id: args.workspace }] }, select: { id: true } });
      if (!ws) {
        process.stderr.write(`collab:rebuild-projection: no workspace with slug or id ${args.workspace}\n`);
        return 1;
      }
      workspaceId = ws.id;
    }
    const summary = await rebuildProjection(workspaceId ? { workspaceId } : {});
    process.stdout.write(`rebuilt ${summary.documents} documents: ${summary.stored} entries stored, ${summary.flagged} flagged\n`);
    return 0;
  } finally {
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
