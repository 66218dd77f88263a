/**
 * Stores a document's state and, in the same transaction, its projection (Outline's way):
 * the row is locked (SELECT … FOR UPDATE, created first if missing) so concurrent stores of one
 * name serialise; nothing is written when the state's hash is unchanged; compacted log rows are
 * deleted in the same transaction, so the state and the log never both miss an update.
 */
import { createHash } from "node:crypto";
import type { CollabDocRef } from "../../../core/collab";
import { prisma } from "../../../server/db/client";
import { projectDocument, type ProjectionSummary } from "../projection/project-document";
import type { DocSnapshot } from "../projection/snapshot";

export type StoreResult = { skipped: true } | { skipped: false; bytes: number; projection: ProjectionSummary };

export function hashState(state: Uint8Array): string {
  return createHash("sha256").update(state).digest("hex");
}

/**
 * Writes `state` for `name` unless it is unchanged. `compact` are CollabUpdate ids contained in
 * `state`; `snapshot` holds the entries of that same state (taken in the same tick, because the
 * live document keeps changing while this awaits). `force` re-projects an unchanged state (rebuild).
 */
export async function storeState(opts: {
  name: string;
  ref: CollabDocRef;
  snapshot: DocSnapshot;
  state: Uint8Array;
  compact: bigint[];
  force?: boolean;
}): Promise<StoreResult> {
  const { name, ref, snapshot, state, compact } = opts;
  const hash = hashState(state);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '10s'`;
      await tx.$executeRaw`INSERT INTO "CollabDocument" ("name", "workspaceId", "state", "stateHash", "updatedAt")
        VALUES (${name}, ${ref.workspaceId}, ${Buffer.alloc(0)}, '', now()) ON CONFLICT ("name") DO NOTHING`;
      const [row] = await tx.$queryRaw<{ stateHash: string }[]>`SELECT "stateHash" FROM "CollabDocument" WHERE "name" = ${name} FOR UPDATE`;
      if (compact.length) await tx.collabUpdate.deleteMany({ where: { id: { in: compact }, name } });
      if (row?.stateHash === hash && !opts.force) return { skipped: true as const };
      await tx.collabDocument.update({ where: { name }, data: { state: Buffer.from(state), stateHash: hash } });
      const projection = await projectDocument(tx, name, ref, snapshot);
      return { skipped: false as const, bytes: state.length, projection };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
