/**
 * Co-occurrence (ATLAS.ti's Code Co-occurrence table, MAXQDA's Code Relations Browser): which
 * themes share passages. Per document version, the ranges tagged with each theme are merged
 * into a union; the passages two themes share are the maximal stretches of text inside both
 * unions. One annotation tagged with both themes is one shared passage; two overlapping
 * annotations tagged one each share the stretch where they overlap. Counts are numbers of
 * such passages, so a long annotation tagged twice is not counted more than once.
 */
import { intersectUnions, unionRanges, type Range } from "./ranges";
import { resolveThemes, type AnalysisAnnotation, type AnalysisTheme } from "./model";
import { buildThemeTree } from "./tree";

export interface SharedPassage {
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  /** The shared text, from the annotations' quotes. */
  text: string;
  /** Annotations (of either theme) that overlap the passage. */
  annotationIds: string[];
}

export interface CooccurrenceTable {
  /** Themes in hierarchy order; `counts[i][j]` pairs `themes[i]` with `themes[j]` (symmetric; diagonal 0). */
  themes: { theme: AnalysisTheme; depth: number }[];
  counts: number[][];
  /** Shared passages of a pair, in document and text order. */
  passages(themeA: string, themeB: string): SharedPassage[];
  maxCount: number;
}

interface Tagged extends Range {
  a: AnalysisAnnotation;
}

/** Computes the table for `themes` over `annotations` (themes tagged directly, not rolled up). */
export function computeCooccurrence(input: { themes: readonly AnalysisTheme[]; annotations: readonly AnalysisAnnotation[]; documentOrder?: readonly string[] }): CooccurrenceTable {
  const { themes, themeIdsOf } = resolveThemes(input.themes);
  const rows = buildThemeTree(themes);
  const index = new Map(rows.map((r, i) => [r.theme.id, i]));
  const n = rows.length;
  const counts = rows.map(() => new Array<number>(n).fill(0));
  const pairPassages = new Map<string, SharedPassage[]>();
  // group by document version: offsets of two versions are not comparable
  const groups = new Map<string, Map<number, Tagged[]>>();
  for (const a of input.annotations) {
    const key = `${a.documentId}\u0000${a.versionId}`;
    let perTheme = groups.get(key);
    for (const t of themeIdsOf(a)) {
      const i = index.get(t);
      if (i === undefined) continue;
      if (!perTheme) groups.set(key, (perTheme = new Map()));
      const list = perTheme.get(i) ?? [];
      list.push({ start: a.start, end: a.end, a });
      perTheme.set(i, list);
    }
  }
  const docRank = new Map((input.documentOrder ?? []).map((id, i) => [id, i]));
  const groupKeys = [...groups.keys()].sort((x, y) => (docRank.get(x.split("\u0000")[0]!) ?? 1e9) - (docRank.get(y.split("\u0000")[0]!) ?? 1e9) || (x < y ? -1 : 1));
  for (const key of groupKeys) {
    const perTheme = groups.get(key)!;
    const [documentId, versionId] = key.split("\u0000") as [string, string];
    const ids = [...perTheme.keys()].sort((x, y) => x - y);
    const unions = new Map(ids.map((i) => [i, unionRanges(perTheme.get(i)!)]));
    for (let x = 0; x < ids.length; x++) {
      for (let y = x + 1; y < ids.length; y++) {
        const i = ids[x]!;
        const j = ids[y]!;
        const shared = intersectUnions(unions.get(i)!, unions.get(j)!);
        if (shared.length === 0) continue;
        counts[i]![j]! += shared.length;
        counts[j]![i]! += shared.length;
        const pk = `${i}:${j}`;
        const sources = [...perTheme.get(i)!, ...perTheme.get(j)!].sort((p, q) => p.start - q.start);
        const list = pairPassages.get(pk) ?? [];
        for (const s of shared) list.push(passageOf(documentId, versionId, s, sources));
        pairPassages.set(pk, list);
      }
    }
  }
  let maxCount = 0;
  for (const row of counts) for (const c of row) maxCount = Math.max(maxCount, c);
  return {
    themes: rows.map((r) => ({ theme: r.theme, depth: r.depth })),
    counts,
    maxCount,
    passages(themeA, themeB) {
      const i = index.get(themeA);
      const j = index.get(themeB);
      if (i === undefined || j === undefined || i === j) return [];
      return pairPassages.get(i < j ? `${i}:${j}` : `${j}:${i}`) ?? [];
    },
  };
}

/** The passage's text stitched from the quotes covering it (the union guarantees they do). */
function passageOf(documentId: string, versionId: string, range: Range, sources: readonly Tagged[]): SharedPassage {
  let pos = range.start;
  let text = "";
  const ids: string[] = [];
  for (const s of sources) {
    if (s.end <= range.start || s.start >= range.end) continue;
    if (!ids.includes(s.a.id)) ids.push(s.a.id);
    if (s.start <= pos && s.end > pos && pos < range.end) {
      const to = Math.min(range.end, s.end);
      text += s.a.exact.slice(pos - s.start, to - s.start);
      pos = to;
    }
  }
  return { documentId, versionId, start: range.start, end: range.end, text, annotationIds: ids };
}
