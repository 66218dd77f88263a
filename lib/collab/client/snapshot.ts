/**
 * What every client store of collaborative state offers React (and anything else): a current
 * value that changes only when the state does, and a way to hear of changes. One hook reads any
 * of them (react/use-snapshot.ts), so a new kind of entry needs a store, not a new hook.
 */
export interface Snapshot<T> {
  /** Calls `fn` after each change of the snapshot; returns the unsubscribe. */
  subscribe(fn: () => void): () => void;
  /** The current value; the same object until something changed (useSyncExternalStore's contract). */
  getSnapshot(): T;
}
