/**
 * Stores a document's state and, in the same transaction, its projection (Outline's way):
 * the row is locked (SELECT … FOR UPDATE, created first if missing) so concurrent stores of one
 * name serialise; nothing is written when the state's hash is unchanged; compacted log rows are
 * deleted in the same transaction, so the state and the log never both miss an update.
 *
 * Several collab instances may hold one document (scale-out): each stores what its own clients
 * sent. When the row holds a state this writer has not seen (another instance wrote it since
 * this one loaded or stored), `reconcile` merges it into the live document first, so the state
 * and the projection written are the union and a slower instance never overwrites a newer state.
 */
import { createHash } from "node:crypto";
import type { CollabDocRef } from "../../../core/collab";
import { prisma } from "../../../infra/db/client";
import { projectDocument, type ProjectionSummary } from "../projection/project-document";
import type { DocSnapshot } from "../projection/snapshot";

/** `hash` is the state hash the row holds afterwards (the caller's `knownHash` next time). */
export type StoreResult = { skipped: true; hash: string } | { skipped: false; hash: string; bytes: number; projection: ProjectionSummary; merged: boolean };

/** Merges a stored state into the live document and returns the document's new state. */
export type Reconcile = (stored: Uint8Array) => { state: Uint8Array; snapshot: DocSnapshot };

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
  /** Hash of the stored state this writer already contains (loaded or last written). */
  knownHash?: string | undefined;
  reconcile?: Reconcile;
  /** Users whose updates this state contains since the last store (activity attribution). */
  editors?: readonly string[];
}): Promise<StoreResult> {
  const { name, ref, compact } = opts;
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '10s'`;
      await tx.$executeRaw`INSERT INTO "CollabDocument" ("name", "workspaceId", "state", "stateHash", "updatedAt")
        VALUES (${name}, ${ref.workspaceId}, ${Buffer.alloc(0)}, '', now()) ON CONFLICT ("name") DO NOTHING`;
      const [row] = await tx.$queryRaw<{ stateHash: string }[]>`SELECT "stateHash" FROM "CollabDocument" WHERE "name" = ${name} FOR UPDATE`;
      if (compact.length) await tx.collabUpdate.deleteMany({ where: { id: { in: compact }, name } });
      let { state, snapshot } = opts;
      let hash = hashState(state);
      const foreign = !!row?.stateHash && row.stateHash !== hash && row.stateHash !== opts.knownHash;
      if (foreign && opts.reconcile) {
        const stored = await tx.collabDocument.findUniqueOrThrow({ where: { name }, select: { state: true } });
        ({ state, snapshot } = opts.reconcile(stored.state));
        hash = hashState(state);
      }
      if (row?.stateHash === hash && !opts.force) return { skipped: true as const, hash };
      await tx.collabDocument.update({ where: { name }, data: { state: Buffer.from(state), stateHash: hash } });
      const projection = await projectDocument(tx, name, ref, snapshot, { editors: opts.editors ?? [], now: new Date() });
      return { skipped: false as const, hash, bytes: state.length, projection, merged: foreign && !!opts.reconcile };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
