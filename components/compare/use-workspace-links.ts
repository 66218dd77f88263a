"use client";

import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { listArgumentLinks, observeLinks } from "@/lib/collab/model";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";

const EMPTY: ArgumentLink[] = [];
const snapshots = new WeakMap<Y.Doc, ArgumentLink[]>();

function snapshotOf(doc: Y.Doc): ArgumentLink[] {
  let snap = snapshots.get(doc);
  if (!snap) snapshots.set(doc, (snap = listArgumentLinks(doc)));
  return snap;
}

/**
 * The workspace's live links (`links` map of the meta doc), one snapshot per change shared by
 * every component of the page (the cards' chips and the connectors).
 */
export function useWorkspaceLinks(metaDoc: Y.Doc | null | undefined): ArgumentLink[] {
  const subscribe = useCallback(
    (fn: () => void) => {
      if (!metaDoc) return () => {};
      return observeLinks(metaDoc, () => {
        snapshots.delete(metaDoc);
        fn();
      });
    },
    [metaDoc],
  );
  return useSyncExternalStore(subscribe, () => (metaDoc ? snapshotOf(metaDoc) : EMPTY), () => EMPTY);
}
