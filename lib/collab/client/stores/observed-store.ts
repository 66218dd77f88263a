/**
 * One way to turn any observable collaborative source (a Y.Doc's map, an awareness) into a
 * Snapshot: a kind says how to observe and how to read; the store reads once per change and
 * hands every subscriber the same value. It observes its source only while someone listens,
 * and drops its value when nobody does (so a later reader never sees a stale one).
 */
import type { Snapshot } from "../snapshot";

export interface StoreKind<S, T> {
  /** Calls `fn` after each change of `source`; returns the unobserve. */
  observe(source: S, fn: () => void): () => void;
  read(source: S): T;
}

class ObservedStore<S, T> implements Snapshot<T> {
  private readonly listeners = new Set<() => void>();
  private value: { v: T } | null = null;
  private stop: (() => void) | null = null;

  constructor(
    private readonly kind: StoreKind<S, T>,
    private readonly source: S,
  ) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    this.stop ??= this.kind.observe(this.source, () => {
      this.value = null;
      for (const l of [...this.listeners]) l();
    });
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size > 0) return;
      this.stop?.();
      this.stop = null;
      this.value = null;
    };
  };

  getSnapshot = (): T => (this.value ??= { v: this.kind.read(this.source) }).v;
}

const stores = new WeakMap<StoreKind<never, unknown>, WeakMap<object, Snapshot<unknown>>>();

/** The store of `kind` over `source`: one per pair, shared by every component of the page. */
export function storeOf<S extends object, T>(kind: StoreKind<S, T>, source: S): Snapshot<T> {
  const k = kind as unknown as StoreKind<never, unknown>;
  let bySource = stores.get(k);
  if (!bySource) stores.set(k, (bySource = new WeakMap()));
  let store = bySource.get(source) as Snapshot<T> | undefined;
  if (!store) bySource.set(source, (store = new ObservedStore(kind, source)));
  return store;
}
