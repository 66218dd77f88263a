/**
 * The inputs of the analysis views, as plain data: the themes of the workspace, its documents
 * and their annotations. The views get them from the Y.Docs (browser) or the stored states
 * (CSV export); this core does not care which.
 */

export interface AnalysisTheme {
  id: string;
  name: string;
  colour: string;
  description?: string | undefined;
  parentId?: string | undefined;
  order?: number | undefined;
  /** Set on a theme merged into another (the theme itself is no longer live). */
  mergedInto?: string | undefined;
  deleted?: boolean | undefined;
}

export interface AnalysisDocument {
  id: string;
  title: string;
  /** The latest version: coverage is measured against its text. */
  versionId: string;
  textLength: number;
}

export interface AnalysisAnnotation {
  id: string;
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  themeIds: readonly string[];
  authorName?: string;
}

/**
 * Where annotation theme ids point after merges: a merged theme (even merged twice: A into B,
 * B into C) resolves to its live target; a deleted or unknown theme resolves to nothing, so an
 * annotation that still names a deleted theme simply does not count for it (undo brings it back).
 */
export function themeResolver(all: readonly AnalysisTheme[]): (id: string) => string | undefined {
  const byId = new Map(all.map((t) => [t.id, t]));
  const cache = new Map<string, string | undefined>();
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    let cur = byId.get(id);
    const seen = new Set<string>();
    while (cur && cur.deleted && cur.mergedInto && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.mergedInto);
    }
    const out = cur && !cur.deleted ? cur.id : undefined;
    cache.set(id, out);
    return out;
  };
}

/** The live themes, and the resolved, de-duplicated theme ids of each annotation. */
export function resolveThemes(all: readonly AnalysisTheme[]): { themes: AnalysisTheme[]; themeIdsOf: (a: AnalysisAnnotation) => string[] } {
  const resolve = themeResolver(all);
  const themes = all.filter((t) => !t.deleted);
  const themeIdsOf = (a: AnalysisAnnotation): string[] => {
    const out: string[] = [];
    for (const id of a.themeIds) {
      const r = resolve(id);
      if (r !== undefined && !out.includes(r)) out.push(r);
    }
    return out;
  };
  return { themes, themeIdsOf };
}
