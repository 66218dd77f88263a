import type * as Y from "yjs";
import { allThemes, observeThemes, type ThemeEntry } from "@/lib/collab/model";
import { buildThemeTree, themeResolver, type TreeRow } from "@/lib/core/themes";
import type { StoreKind } from "./observed-store";

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

export const NO_THEMES: WorkspaceThemes = { all: [], live: [], rows: [], byId: new Map(), resolve: () => undefined, ready: false };

/** The themes of a workspace doc, read in one go (a few dozen entries: cheaper than bookkeeping). */
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

/** The workspace doc's `themes` map, re-read after every change. */
export const THEMES: StoreKind<Y.Doc, WorkspaceThemes> = { observe: observeThemes, read: readWorkspaceThemes };
