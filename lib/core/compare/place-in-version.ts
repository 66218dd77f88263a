/**
 * Re-anchoring stored: where annotations made on one version of a document land in a later one,
 * as the server computes it once (lib/server/anchors) and every reader of the result — compare
 * panes, export, search, API — takes it from there instead of searching again. The placement
 * itself is the compare view's placer (resolve-anchor.ts), so a stored result is exactly what a
 * browser would have painted.
 */
import type { TextAnchor } from "../collab/anchor";
import { createPlacer, type Placement, type Placer } from "./resolve-anchor";

/**
 * exact: the quote is verbatim at its old offsets; moved: verbatim elsewhere; changed: found
 * approximately (the passage was edited); orphan: not found with confidence.
 */
export type PlacementStatus = "exact" | "moved" | "changed" | "orphan";
export const PLACEMENT_STATUSES: readonly PlacementStatus[] = ["exact", "moved", "changed", "orphan"];

/** One stored placement of an annotation in a version (the AnnotationPlacement row, without ids of the store). */
export interface VersionPlacement {
  annotationId: string;
  status: PlacementStatus;
  start: number | null;
  end: number | null;
  /** The placed version's text at start..end. */
  quote: string | null;
  score: number | null;
  /** anchorKey() of the anchor placed. */
  anchorKey: string;
}

/**
 * A short fingerprint of an anchor (its version, range, quote and context): a stored placement
 * whose key differs from the anchor an annotation has now belongs to an earlier anchor. FNV-1a,
 * because browsers and the server compute it alike without a crypto dependency.
 */
export function anchorKey(anchor: TextAnchor): string {
  let h = 0x811c9dc5;
  const s = `${anchor.exact}\u0000${anchor.prefix}\u0000${anchor.suffix}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${anchor.versionId}:${anchor.start}:${anchor.end}:${h.toString(16)}`;
}

/** The stored form of a placer's answer for `anchor`. */
export function toVersionPlacement(annotationId: string, anchor: TextAnchor, text: string, p: Placement): VersionPlacement {
  const key = anchorKey(anchor);
  if (p.status === "orphan") return { annotationId, status: "orphan", start: null, end: null, quote: null, score: null, anchorKey: key };
  const status: PlacementStatus = p.status === "fuzzy" ? "changed" : p.start === anchor.start && p.end === anchor.end ? "exact" : "moved";
  return { annotationId, status, start: p.start, end: p.end, quote: text.slice(p.start, p.end), score: p.status === "fuzzy" ? p.score : null, anchorKey: key };
}

/**
 * Places annotations of other versions in `text` (the version `versionId`). Annotations made on
 * that version itself are skipped: they need no placement. One placer for all of them, so the
 * text's search index is built once (pass `placer` to keep it across calls, e.g. batches).
 */
export function placeInVersion(text: string, versionId: string, items: readonly { id: string; anchor: TextAnchor }[], placer: Placer = createPlacer(text, versionId)): VersionPlacement[] {
  const out: VersionPlacement[] = [];
  for (const { id, anchor } of items) {
    if (anchor.versionId === versionId) continue;
    out.push(toVersionPlacement(id, anchor, text, placer.place(anchor)));
  }
  return out;
}

/** What a pane receives of a stored placement (the quote it does not need: it has the text). */
export type StoredPlacementRow = Omit<VersionPlacement, "quote">;

/**
 * The placement a pane paints for a stored row (the placer's own vocabulary: verbatim in another
 * version is "moved", approximate is "fuzzy"); null when the row belongs to another anchor.
 */
export function placementFromStored(anchor: TextAnchor, row: Pick<VersionPlacement, "status" | "start" | "end" | "score" | "anchorKey">): Placement | null {
  if (row.anchorKey !== anchorKey(anchor)) return null;
  if (row.status === "orphan" || row.start === null || row.end === null) return { status: "orphan", reason: "other_version" };
  if (row.status === "changed") return { status: "fuzzy", start: row.start, end: row.end, score: row.score ?? 0 };
  return { status: "moved", start: row.start, end: row.end };
}
