/**
 * The theme × document matrix (NVivo's matrix coding query, MAXQDA's Code Matrix Browser):
 * one row per theme in hierarchy order, one column per document. A cell holds the annotations
 * tagged with the theme or any theme below it (a parent summarises its children, as the
 * collapsed hierarchy shows it), their count, and the coverage: the share of the document's
 * latest text covered by the union of their ranges — overlapping annotations count once.
 * Annotations made on an older version count, but do not cover (their offsets are another text's).
 */
import { coveredLength, unionRanges, type Range } from "./ranges";
import { resolveThemes, type AnalysisAnnotation, type AnalysisDocument, type AnalysisTheme } from "./model";
import { buildThemeTree } from "./tree";

export interface MatrixCell {
  count: number;
  /** 0..1 of the document's latest text. */
  coverage: number;
  /** Annotation ids, in text order. */
  annotationIds: string[];
}

export interface MatrixRow {
  theme: AnalysisTheme;
  depth: number;
  parentId: string | undefined;
  childIds: string[];
  /** One per document, in the order of `documents`; theme and its descendants. */
  cells: MatrixCell[];
  /** Annotations tagged with this theme itself (not its children), across documents. */
  ownCount: number;
  total: { count: number };
}

export interface ThemeMatrix {
  documents: AnalysisDocument[];
  rows: MatrixRow[];
  maxCount: number;
  maxCoverage: number;
}

export interface MatrixInput {
  themes: readonly AnalysisTheme[];
  documents: readonly AnalysisDocument[];
  annotations: readonly AnalysisAnnotation[];
}

/** Computes the matrix. Linear in annotations × themes per annotation, plus one union per cell. */
export function computeMatrix(input: MatrixInput): ThemeMatrix {
  const { themes, themeIdsOf } = resolveThemes(input.themes);
  const rows = buildThemeTree(themes);
  const docIndex = new Map(input.documents.map((d, i) => [d.id, i]));
  const byId = new Map<string, AnalysisAnnotation>();
  // theme id → per document → annotations tagged with exactly that theme
  const own = new Map<string, AnalysisAnnotation[][]>();
  for (const a of input.annotations) {
    const di = docIndex.get(a.documentId);
    if (di === undefined) continue;
    byId.set(a.id, a);
    for (const t of themeIdsOf(a)) {
      let perDoc = own.get(t);
      if (!perDoc) own.set(t, (perDoc = input.documents.map(() => [])));
      perDoc[di]!.push(a);
    }
  }
  // Children before parents: a parent's set is its own plus its children's.
  const subtree = new Map<string, AnalysisAnnotation[][]>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const lists = input.documents.map((_, di) => {
      const parts = [own.get(row.theme.id)?.[di] ?? [], ...row.childIds.map((c) => subtree.get(c)?.[di] ?? [])];
      if (parts.length === 1 || parts.every((p, k) => k === 0 || p.length === 0)) return parts[0]!;
      const seen = new Set<string>();
      const merged: AnalysisAnnotation[] = [];
      for (const p of parts) {
        for (const a of p) {
          if (seen.has(a.id)) continue;
          seen.add(a.id);
          merged.push(a);
        }
      }
      return merged;
    });
    subtree.set(row.theme.id, lists);
  }
  let maxCount = 0;
  let maxCoverage = 0;
  const out: MatrixRow[] = rows.map((row) => {
    const lists = subtree.get(row.theme.id)!;
    const cells = lists.map((list, di) => {
      const cell = cellOf(list, input.documents[di]!);
      maxCount = Math.max(maxCount, cell.count);
      maxCoverage = Math.max(maxCoverage, cell.coverage);
      return cell;
    });
    const ownCount = (own.get(row.theme.id) ?? []).reduce((n, l) => n + l.length, 0);
    return { theme: row.theme, depth: row.depth, parentId: row.parentId, childIds: row.childIds, cells, ownCount, total: { count: cells.reduce((n, c) => n + c.count, 0) } };
  });
  return { documents: [...input.documents], rows: out, maxCount, maxCoverage };
}

function cellOf(list: readonly AnalysisAnnotation[], doc: AnalysisDocument): MatrixCell {
  if (list.length === 0) return { count: 0, coverage: 0, annotationIds: [] };
  const ranges: Range[] = [];
  for (const a of list) {
    if (a.versionId === doc.versionId && a.start >= 0 && a.end <= doc.textLength) ranges.push({ start: a.start, end: a.end });
  }
  const coverage = doc.textLength > 0 ? coveredLength(unionRanges(ranges)) / doc.textLength : 0;
  const sorted = [...list].sort((x, y) => x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
  return { count: list.length, coverage, annotationIds: sorted.map((a) => a.id) };
}

/**
 * Heat level 0..1 of a value against the matrix maximum, square-root scaled so that small but
 * present values stay visible next to a dominant cell. Zero stays zero.
 */
export function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(1, 0.15 + 0.85 * Math.sqrt(value / max));
}

/** The row ids hidden by `collapsed` (ids of collapsed themes): every descendant of one. */
export function hiddenRows(rows: readonly Pick<MatrixRow, "theme" | "parentId">[], collapsed: ReadonlySet<string>): Set<string> {
  const hidden = new Set<string>();
  for (const r of rows) {
    // rows come parent-first, so a parent's state is known before its children
    if (r.parentId !== undefined && (collapsed.has(r.parentId) || hidden.has(r.parentId))) hidden.add(r.theme.id);
  }
  return hidden;
}
