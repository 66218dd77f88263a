/**
 * What a projection must write to turn the rows it stored last time into the rows a snapshot
 * gives now: a store usually changes a few entries of a document that has thousands, and
 * rewriting all of them (with their index entries and cascades) on every store is what made
 * large documents slow to project. A changed row is removed and created again, so a bulk edit
 * (a retag of thousands) still costs two statements, not thousands of updates.
 */

/** A stable comparison key of a row's stored values (dates by instant, absent as null). */
export function fingerprint(values: readonly unknown[]): string {
  return JSON.stringify(values.map((v) => (v instanceof Date ? v.getTime() : v ?? null)));
}

export interface RowDiff<R> {
  create: R[];
  /** Ids to delete: rows gone from the snapshot, and changed rows (created again from `create`). */
  remove: string[];
  unchanged: number;
}

/**
 * `stored`: id → fingerprint of the rows in the database; `next`: the rows the snapshot gives,
 * with `id` and `print` reading each one the same way as `stored` was computed.
 */
export function diffRows<R>(stored: ReadonlyMap<string, string>, next: readonly R[], id: (r: R) => string, print: (r: R) => string): RowDiff<R> {
  const create: R[] = [];
  const remove: string[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const r of next) {
    const key = id(r);
    seen.add(key);
    const before = stored.get(key);
    if (before === undefined) create.push(r);
    else if (before !== print(r)) {
      remove.push(key);
      create.push(r);
    } else unchanged++;
  }
  for (const key of stored.keys()) if (!seen.has(key)) remove.push(key);
  return { create, remove, unchanged };
}

/** `ids` in slices small enough for one statement's bind parameters. */
export function* chunks<T>(ids: readonly T[], size = 5_000): Generator<T[]> {
  for (let i = 0; i < ids.length; i += size) yield ids.slice(i, i + size);
}
