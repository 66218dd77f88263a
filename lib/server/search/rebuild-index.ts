/**
 * Builds a workspace's search index from scratch: on the first search after the index format
 * changed (or after the migration that introduced it), and for the benchmark. Current versions
 * of live documents, then annotations and replies of the projection.
 */
import { prisma } from "../../infra/db/client";
import { logger } from "../../infra/log";
import { indexAnnotations, indexReplies, indexVersion } from "./index-sources";
import { lockSearch } from "./write-chunks";
import { SEARCH_INDEX_FORMAT } from "./index-format";

const log = logger("search");


/** Rebuilds the index of one workspace in one transaction; returns the rows written. */
export async function rebuildSearchIndex(workspaceId: string, now = new Date()): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await lockSearch(tx, workspaceId, true);
      await tx.$executeRaw`DELETE FROM "SearchChunk" WHERE "workspaceId" = ${workspaceId}`;
      let rows = 0;
      const docs = await tx.document.findMany({ where: { workspaceId, deletedAt: null }, select: { id: true } });
      for (const d of docs) {
        const v = await tx.documentVersion.findFirst({ where: { documentId: d.id }, orderBy: { number: "desc" }, select: { id: true, text: true, blocks: true } });
        if (v) rows += await indexVersion(tx, { workspaceId, documentId: d.id, versionId: v.id, text: v.text, blocks: v.blocks });
      }
      const live = docs.map((d) => d.id);
      rows += await indexAnnotations(tx, await tx.annotation.findMany({ where: { workspaceId, documentId: { in: live } }, select: { workspaceId: true, id: true, documentId: true, versionId: true, start: true, exact: true, noteText: true, authorId: true } }));
      rows += await indexReplies(tx, await tx.reply.findMany({ where: { workspaceId, documentId: { in: live } }, select: { workspaceId: true, id: true, documentId: true, authorId: true, body: true } }));
      await tx.searchIndexState.upsert({ where: { workspaceId }, create: { workspaceId, format: SEARCH_INDEX_FORMAT, builtAt: now }, update: { format: SEARCH_INDEX_FORMAT, builtAt: now } });
      log.info({ workspaceId, rows }, "search index rebuilt");
      return rows;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** Rebuilds the workspace's index unless it was built with the current format. */
export async function ensureSearchIndex(workspaceId: string): Promise<void> {
  const state = await prisma.searchIndexState.findUnique({ where: { workspaceId }, select: { format: true } });
  if (state?.format === SEARCH_INDEX_FORMAT) return;
  // Two first searches at once: the second waits on the lock, then finds the state written.
  await prisma.$transaction(async (tx) => {
    await lockSearch(tx, workspaceId, true);
  });
  const again = await prisma.searchIndexState.findUnique({ where: { workspaceId }, select: { format: true } });
  if (again?.format !== SEARCH_INDEX_FORMAT) await rebuildSearchIndex(workspaceId);
}
