/**
 * The write path of the CollabUpdate log. Every update waits for this insert before it is
 * applied and broadcast, so it sits on the realtime path: a plain `pg` pool with a prepared
 * statement and asynchronous commit costs a fraction of a millisecond on loopback, where a
 * Prisma raw query with a synchronous commit measured 4–6 ms at the median (see
 * scripts/bench/realtime.ts). Reads, compaction and everything else use Prisma.
 *
 * Group commit: while every pool connection is busy, appends queue up and the next free
 * connection inserts them all in one statement. One insert per update capped the server at
 * (pool size ÷ insert time) updates per second, and under load the queue — and every client's
 * latency — grew without bound (scripts/bench/load.ts: p95 11 s with the log, 1 s without, at
 * 200 connections on a loaded 2-core machine). A lone update still goes out at once.
 */
import pg from "pg";

export interface AppendLog {
  /** Appends `update` for document `name`; resolves with the row id once committed. */
  append(name: string, update: Uint8Array): Promise<bigint>;
  close(): Promise<void>;
}

interface Pending {
  name: string;
  update: Uint8Array;
  resolve(id: bigint): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 500;

// Rows are inserted in the order of `i`, so the identity column assigns increasing ids in that
// order: the k-th smallest id returned belongs to the k-th update of the batch.
const INSERT_BATCH = `INSERT INTO "CollabUpdate" ("name", "update")
  SELECT n, u FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(n, u, i) ORDER BY i
  RETURNING "id"`;

export function createAppendLog(databaseUrl: string, poolSize = 4): AppendLog {
  // synchronous_commit=off: the commit does not wait for the WAL flush (≈ an fsync per update).
  // The row is in PostgreSQL's memory once the insert returns, so a crash of the collab process
  // loses nothing; only a crash of PostgreSQL itself within wal_writer_delay (200 ms) could.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: "-c synchronous_commit=off" });
  pool.on("error", () => {
    // An idle client died (database restart): the pool replaces it on the next append.
  });
  let queue: Pending[] = [];
  let inFlight = 0;

  const flush = async (): Promise<void> => {
    if (queue.length === 0 || inFlight >= poolSize) return;
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(batch.length);
    inFlight++;
    try {
      const res = await pool.query<{ id: string }>({
        name: "collab-append-updates",
        text: INSERT_BATCH,
        values: [batch.map((p) => p.name), batch.map((p) => Buffer.from(p.update))],
      });
      const ids = res.rows.map((r) => BigInt(r.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (ids.length !== batch.length) throw new Error(`append returned ${ids.length} ids for ${batch.length} updates`);
      batch.forEach((p, k) => p.resolve(ids[k]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      inFlight--;
      void flush();
    }
  };

  return {
    append(name, update) {
      return new Promise<bigint>((resolve, reject) => {
        queue.push({ name, update, resolve, reject });
        void flush();
      });
    },
    close: () => pool.end(),
  };
}
