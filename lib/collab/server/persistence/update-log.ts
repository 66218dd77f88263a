/**
 * Which rows of the CollabUpdate log each in-memory document already contains. A row may be
 * deleted (compacted) only by a store whose encoded state was taken after the row's update
 * was applied; the store takes the ids synchronously with the encoding.
 */
export class AppliedUpdates {
  private readonly byName = new Map<string, bigint[]>();

  /** Records that the update logged as `id` is now part of document `name`. */
  add(name: string, ...ids: bigint[]): void {
    if (ids.length === 0) return;
    const list = this.byName.get(name) ?? [];
    list.push(...ids);
    this.byName.set(name, list);
  }

  /** Hands the ids over to a store; call in the same tick as encoding the state. */
  take(name: string): bigint[] {
    const ids = this.byName.get(name) ?? [];
    this.byName.delete(name);
    return ids;
  }

  /** Gives ids back after a failed store, so a later store compacts them. */
  restore(name: string, ids: bigint[]): void {
    this.add(name, ...ids);
  }

  count(name: string): number {
    return this.byName.get(name)?.length ?? 0;
  }
}
