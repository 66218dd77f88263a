"use client";

import { useCallback, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { allThemes, observeThemes, type ThemeEntry } from "@/lib/collab/model";
import { buildThemeTree, themeResolver, type TreeRow } from "@/lib/core/themes";

export interface WorkspaceThemes {
  /** Every theme entry, deleted and merged ones included (to resolve tags). */
  all: ThemeEntry[];
  /** Live themes in hierarchy order (parents first, siblings by order). */
  live: ThemeEntry[];
  rows: TreeRow<ThemeEntry>[];
  byId: Map<string, ThemeEntry>;
  /** The live theme an annotation's theme id stands for (merged → target; deleted → undefined). */
  resolve(id: string): ThemeEntry | undefined;
  /** False until the meta doc has been given. */
  ready: boolean;
}

const EMPTY: WorkspaceThemes = { all: [], live: [], rows: [], byId: new Map(), resolve: () => undefined, ready: false };

export function readWorkspaceThemes(doc: Y.Doc): WorkspaceThemes {
  const all = allThemes(doc);
  const rows = buildThemeTree(all.filter((t) => !t.deleted));
  const byId = new Map(all.map((t) => [t.id, t]));
  const resolveId = themeResolver(all);
  return {
    all,
    live: rows.map((r) => r.theme),
    rows,
    byId,
    resolve: (id) => {
      const r = resolveId(id);
      return r === undefined ? undefined : byId.get(r);
    },
    ready: true,
  };
}

const snapshots = new WeakMap<Y.Doc, WorkspaceThemes>();

function snapshotOf(doc: Y.Doc): WorkspaceThemes {
  let snap = snapshots.get(doc);
  if (!snap) snapshots.set(doc, (snap = readWorkspaceThemes(doc)));
  return snap;
}

/**
 * The themes of the workspace doc, live: re-read after every change of the `themes` map (a few
 * dozen entries, so a full re-read is cheaper than bookkeeping; one snapshot per change is
 * shared by every component using the hook). Pass the meta doc of whatever session the page
 * has (the compare view's `session.meta.doc`).
 */
export function useWorkspaceThemes(metaDoc: Y.Doc | null | undefined): WorkspaceThemes {
  const subscribe = useCallback(
    (fn: () => void) => {
      if (!metaDoc) return () => {};
      return observeThemes(metaDoc, () => {
        snapshots.delete(metaDoc);
        fn();
      });
    },
    [metaDoc],
  );
  return useSyncExternalStore(subscribe, () => (metaDoc ? snapshotOf(metaDoc) : EMPTY), () => EMPTY);
}
