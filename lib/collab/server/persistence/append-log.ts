/**
 * The write path of the CollabUpdate log. Every update waits for this insert before it is
 * applied and broadcast, so it sits on the realtime path: a plain `pg` pool with a prepared
 * statement and asynchronous commit costs a fraction of a millisecond on loopback, where a
 * Prisma raw query with a synchronous commit measured 4–6 ms at the median (see
 * scripts/bench/realtime.ts). Reads, compaction and everything else use Prisma.
 */
import pg from "pg";

export interface AppendLog {
  /** Appends `update` for document `name`; resolves with the row id once committed. */
  append(name: string, update: Uint8Array): Promise<bigint>;
  close(): Promise<void>;
}

export function createAppendLog(databaseUrl: string, poolSize = 4): AppendLog {
  // synchronous_commit=off: the commit does not wait for the WAL flush (≈ an fsync per update).
  // The row is in PostgreSQL's memory once the insert returns, so a crash of the collab process
  // loses nothing; only a crash of PostgreSQL itself within wal_writer_delay (200 ms) could.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: "-c synchronous_commit=off" });
  pool.on("error", () => {
    // An idle client died (database restart): the pool replaces it on the next append.
  });
  return {
    async append(name, update) {
      const res = await pool.query<{ id: string }>({
        name: "collab-append-update",
        text: 'INSERT INTO "CollabUpdate" ("name", "update") VALUES ($1, $2) RETURNING "id"',
        values: [name, Buffer.from(update)],
      });
      const id = res.rows[0]?.id;
      if (id === undefined) throw new Error("append returned no id");
      return BigInt(id);
    },
    close: () => pool.end(),
  };
}
