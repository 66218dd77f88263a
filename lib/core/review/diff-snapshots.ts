/**
 * What changed between two snapshots (or a snapshot and the live state): nodes, links and
 * annotations added, removed or changed, each change naming the fields that differ. Linear in
 * the size of both sides (maps by id); entries are matched by their stable ids, so an annotation
 * that was re-anchored is "changed", not "removed and added".
 */
import type { SnapshotAnnotation, SnapshotData, SnapshotLink, SnapshotNode } from "./snapshot";

export interface Changed<T> {
  before: T;
  after: T;
  fields: string[];
}

export interface EntryDiff<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

export interface SnapshotDiff {
  nodes: EntryDiff<SnapshotNode>;
  links: EntryDiff<SnapshotLink>;
  annotations: EntryDiff<SnapshotAnnotation>;
  /** True when nothing differs. */
  same: boolean;
}

// Fields compared per kind: timestamps and counters are not changes a reader cares about on
// their own (an edit shows as the field it touched; updatedAt moving alone is no change).
const NODE_FIELDS = ["kind", "label", "annotationId"] as const satisfies readonly (keyof SnapshotNode)[];
const LINK_FIELDS = ["fromKind", "fromId", "toKind", "toId", "kind", "label"] as const satisfies readonly (keyof SnapshotLink)[];
const ANNOTATION_FIELDS = ["documentId", "versionId", "start", "end", "exact", "note", "status", "colour", "themeIds", "replyCount"] as const satisfies readonly (keyof SnapshotAnnotation)[];

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // Theme ids are a set: order in the Y.Doc is not meaningful.
    if (a.length !== b.length) return false;
    const sa = [...a].sort();
    const sb = [...b].sort();
    return sa.every((x, i) => x === sb[i]);
  }
  return a === b;
}

function diffEntries<T extends { id: string }>(before: readonly T[], after: readonly T[], fields: readonly (keyof T & string)[]): EntryDiff<T> {
  const old = new Map(before.map((e) => [e.id, e]));
  const out: EntryDiff<T> = { added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const next of after) {
    seen.add(next.id);
    const prev = old.get(next.id);
    if (!prev) {
      out.added.push(next);
      continue;
    }
    const differing = fields.filter((f) => !same(prev[f], next[f]));
    if (differing.length > 0) out.changed.push({ before: prev, after: next, fields: differing });
  }
  for (const prev of before) if (!seen.has(prev.id)) out.removed.push(prev);
  return out;
}

/** The diff from `before` to `after`. */
export function diffSnapshots(before: SnapshotData, after: SnapshotData): SnapshotDiff {
  const nodes = diffEntries(before.nodes, after.nodes, NODE_FIELDS);
  const links = diffEntries(before.links, after.links, LINK_FIELDS);
  const annotations = diffEntries(before.annotations, after.annotations, ANNOTATION_FIELDS);
  const empty = (d: EntryDiff<unknown>) => d.added.length + d.removed.length + d.changed.length === 0;
  return { nodes, links, annotations, same: empty(nodes) && empty(links) && empty(annotations) };
}

/** Two snapshots (or a snapshot and the live state, `to.id === "live"`) and their diff, as a page shows it. */
export interface SnapshotComparison {
  from: { id: string; name: string; createdAt: string };
  /** `id: "live"` for the current state. */
  to: { id: string; name: string; createdAt: string };
  diff: SnapshotDiff;
  /** Titles of documents and themes on either side, for showing the diff. */
  documents: Record<string, string>;
  themes: Record<string, string>;
}
