/**
 * `npm run collab:rebuild-projection [-- --workspace <id>]`: re-derives Annotation, Reply, Theme,
 * AnnotationTheme, Link and ProjectionFlag from the stored Yjs states. Uses DATABASE_URL, or the
 * embedded database of `npm start` when it is unset.
 */
import { resolveDatabase } from "../lib/server/db/resolve";

async function main(): Promise<void> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  const i = process.argv.indexOf("--workspace");
  const workspaceId = i > 0 ? process.argv[i + 1] : undefined;
  const { rebuildProjection } = await import("../lib/collab/server/rebuild-projection");
  const { disconnectPrisma } = await import("../lib/server/db/client");
  try {
    const summary = await rebuildProjection(workspaceId ? { workspaceId } : {});
    console.log(`rebuilt ${summary.documents} documents: ${summary.stored} entries stored, ${summary.flagged} flagged`);
  } finally {
    await disconnectPrisma();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
