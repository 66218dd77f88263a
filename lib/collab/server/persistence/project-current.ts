/**
 * The one read path for server-side consumers (export, themes analysis, /api/v1): what a client
 * has sent is the stored state plus the append log rows the debounced store has not compacted
 * yet (the last seconds of changes). `loadCurrentDoc` gives that as a Y.Doc; `catchUpProjection`
 * re-derives the relational projection of every document of a workspace that has such rows, so
 * a reader of the projection tables sees them too. Neither writes the state or the log (bar an
 * empty row to lock, as a store creates): the live collab server stays their only writer, and
 * its next store projects the same union.
 */
import * as Y from "yjs";
import { parseDocName } from "../../../core/collab";
import { prisma } from "../../../infra/db/client";
import { projectDocument, type ProjectionSummary } from "../projection/project-document";
import { snapshotEntries } from "../projection/snapshot";
import { loadStoredState } from "./load-state";

/** The document `name` as every client sees it: stored state, then the log. Destroy it after use. */
export async function loadCurrentDoc(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  try {
    await loadStoredState(name, doc);
    return doc;
  } catch (err) {
    doc.destroy();
    throw err;
  }
}

/**
 * Projects `name` from its state plus log. The row lock a store takes is held while loading
 * too, so a store that commits meanwhile is read, never overwritten by an older projection
 * (the row is created empty first if missing, as a store does). Null for a name that is not a
 * collab document's.
 */
export async function reprojectDocument(name: string): Promise<ProjectionSummary | null> {
  const ref = parseDocName(name);
  if (!ref) return null;
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "CollabDocument" ("name", "workspaceId", "state", "stateHash", "updatedAt")
        VALUES (${name}, ${ref.workspaceId}, ${Buffer.alloc(0)}, '', now()) ON CONFLICT ("name") DO NOTHING`;
      await tx.$queryRaw`SELECT "name" FROM "CollabDocument" WHERE "name" = ${name} FOR UPDATE`;
      const doc = await loadCurrentDoc(name);
      try {
        return await projectDocument(tx, name, ref, snapshotEntries(ref, doc), { editors: [], now: new Date() });
      } finally {
        doc.destroy();
      }
    },
    { timeout: 60_000 },
  );
}

/**
 * Brings the projection of `workspaceId` up to date with the append log: re-projects each of
 * its documents that has log rows. Costs one indexed query when nothing is pending. Returns the
 * names re-projected.
 */
export async function catchUpProjection(workspaceId: string): Promise<string[]> {
  const pending = await prisma.collabUpdate.findMany({ where: { name: { startsWith: `ws:${workspaceId}:` } }, distinct: ["name"], select: { name: true } });
  const names = pending.map((p) => p.name).filter((n) => parseDocName(n)?.workspaceId === workspaceId);
  for (const name of names) await reprojectDocument(name);
  return names;
}
