import type * as Y from "yjs";
import type { IndexeddbPersistence } from "y-indexeddb";

/** How long a device copy may take to load before the doc is shown without it. */
const IDB_WAIT_MS = 3_000;

export interface OfflineCopy {
  /** Resolves when the device copy is loaded into the doc (or after a timeout, or at once without IndexedDB). */
  loaded: Promise<void>;
  destroy(): void;
}

/**
 * Keeps `doc` in IndexedDB under `key` so that reading and offline edits survive a lost
 * connection or a reload. Loaded on demand: not needed for the first paint, and kept out of the
 * server bundle. Private browsing without IndexedDB: live editing still works.
 */
export function openOfflineCopy(key: string, doc: Y.Doc): OfflineCopy {
  let destroyed = false;
  const idb: Promise<IndexeddbPersistence | null> = import("y-indexeddb")
    .then(({ IndexeddbPersistence }) => (destroyed ? null : new IndexeddbPersistence(key, doc)))
    .catch(() => null);
  // y-indexeddb has no error event: a copy that never loads must not hold the view forever.
  const loaded = Promise.race([idb.then((p) => p?.whenSynced), new Promise((r) => setTimeout(r, IDB_WAIT_MS))]).then(() => undefined);
  return {
    loaded,
    destroy: () => {
      destroyed = true;
      void idb.then((p) => p?.destroy());
    },
  };
}
