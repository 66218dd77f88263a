"use client";

import { useCallback, useSyncExternalStore } from "react";
import type { Snapshot } from "../snapshot";

const NOTHING = () => () => {};

/**
 * The current value of a client store, re-rendering when it changes; `fallback` while there is
 * no store yet (before the session connects) and during server rendering.
 */
export function useSnapshot<T>(store: Snapshot<T> | null | undefined, fallback: T): T {
  const subscribe = useCallback((fn: () => void) => (store ? store.subscribe(fn) : NOTHING()), [store]);
  return useSyncExternalStore(subscribe, () => (store ? store.getSnapshot() : fallback), () => fallback);
}
