/**
 * `"char"` columns through adapter-pg, for the schema engine's catalog reads (see schema-engine.ts).
 * Server-only.
 */
import { ColumnTypeEnum, type SqlQueryable } from "@prisma/driver-adapter-utils";
import pg from "pg";

/** PostgreSQL type OIDs that adapter-pg 7.10 rejects but the engine's catalog queries return. */
const OID_CHAR = 18; // the one-byte `"char"` type: pg_class.relkind, pg_constraint.contype, ...
const OID_TEXT = 25;

/** Result rows (the array object itself) → indices of their `"char"` columns. */
const charColumns = new WeakMap<object, number[]>();

type PgResultLike = { fields?: { dataTypeID: number }[]; rows?: unknown[] };

function relabelCharColumns(result: unknown): unknown {
  for (const r of (Array.isArray(result) ? result : [result]) as (PgResultLike | undefined)[]) {
    const indices: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === OID_CHAR) {
        field.dataTypeID = OID_TEXT;
        indices.push(i);
      }
    });
    if (indices.length > 0 && r?.rows) charColumns.set(r.rows, indices);
  }
  return result;
}

/**
 * A pg Client that lets `"char"` columns through adapter-pg.
 *
 * Why: the engine introspects the catalog (for `diff` from a migrations folder), and adapter-pg
 * throws `UnsupportedNativeDataType` on `"char"` columns. This relabels them as `text` so the
 * adapter accepts them and remembers which they were; `reportCharColumns` then declares them as
 * the engine's Character type, which it requires (on PostgreSQL 18 the engine panics on
 * `pg_constraint.contype` otherwise). The value is already a one-character string.
 * Plugged in through pg's documented `Pool({ Client })` option, covering both the promise form and
 * the callback form that `Pool.query` uses.
 */
export class CharAsTextClient extends pg.Client {
  // pg's `query` has a dozen overloads; this override forwards whatever it gets.
  override query(...args: unknown[]): never {
    const call = super.query as unknown as (...a: unknown[]) => unknown;
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as (err: unknown, res: unknown) => void;
      args[cbIndex] = (err: unknown, res: unknown) => cb(err, err ? res : relabelCharColumns(res));
      return call.apply(this, args) as never;
    }
    const out = call.apply(this, args);
    return (out instanceof Promise ? out.then(relabelCharColumns) : out) as never;
  }
}

/**
 * Wraps `queryRaw` so that columns recorded by `CharAsTextClient` are reported as Character.
 * Relies on adapter-pg returning pg's own `rows` array (true for 7.x); if that ever changes the
 * lookup misses and the columns stay Text, which only matters for the engine's catalog reads.
 */
export function reportCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const indices = charColumns.get(result.rows);
    if (indices) {
      const columnTypes = [...result.columnTypes];
      for (const i of indices) columnTypes[i] = ColumnTypeEnum.Character;
      return { ...result, columnTypes };
    }
    return result;
  };
  return queryable;
}
