/**
 * Writes where annotations land in a version of their document (AnnotationPlacement rows), from
 * the pure placer (lib/core/compare/place-in-version.ts), and re-indexes their quotes for search
 * at the new place. Called by the re-anchoring job (batch by batch) and by the projection (for
 * annotations it has just stored), always inside the caller's transaction.
 */
import { placeInVersion, type Placer, type VersionPlacement } from "../../core/compare";
import type { TextAnchor } from "../../core/collab";
import type { Prisma } from "../../generated/prisma/client";
import { reindexAnnotationQuotes } from "../search/index-sources";

type Tx = Prisma.TransactionClient;

/** The annotation columns a placement needs (a projected Annotation row). */
export interface PlaceableRow {
  id: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PlacementTarget {
  workspaceId: string;
  documentId: string;
  versionId: string;
  text: string;
}

const anchorOf = (r: PlaceableRow): TextAnchor => ({ versionId: r.versionId, start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix });

/**
 * Places `rows` in the target version and stores the result, replacing earlier rows of the same
 * (annotation, version): running twice writes the same rows once. Returns the placements.
 */
export async function storePlacements(tx: Tx, target: PlacementTarget, rows: readonly PlaceableRow[], now: Date, opts: { reindex?: boolean; placer?: Placer } = {}): Promise<VersionPlacement[]> {
  const placed = placeInVersion(target.text, target.versionId, rows.map((r) => ({ id: r.id, anchor: anchorOf(r) })), opts.placer);
  if (!placed.length) return placed;
  const ids = placed.map((p) => p.annotationId);
  await tx.annotationPlacement.deleteMany({ where: { workspaceId: target.workspaceId, versionId: target.versionId, annotationId: { in: ids } } });
  await tx.annotationPlacement.createMany({
    data: placed.map((p) => ({ ...p, workspaceId: target.workspaceId, documentId: target.documentId, versionId: target.versionId, computedAt: now })),
  });
  // The projection indexes the annotations it stores itself, after this (and reads these rows).
  if (opts.reindex !== false) await reindexAnnotationQuotes(tx, target.workspaceId, ids);
  return placed;
}


/**
 * Places annotations the projection has just (re)stored, when their anchor names an older
 * version than the document's latest: an annotation made (or edited) on an old version after the
 * re-anchoring ran is placed at once, so no reader has to search for it.
 */
export async function placeProjected(tx: Tx, ref: { workspaceId: string; documentId: string }, rows: readonly PlaceableRow[]): Promise<void> {
  if (!rows.length) return;
  const latest = await tx.documentVersion.findFirst({ where: { documentId: ref.documentId }, orderBy: { number: "desc" }, select: { id: true } });
  if (!latest) return;
  const older = rows.filter((r) => r.versionId !== latest.id);
  if (!older.length) return;
  const { text } = await tx.documentVersion.findUniqueOrThrow({ where: { id: latest.id }, select: { text: true } });
  await storePlacements(tx, { ...ref, versionId: latest.id, text }, older, new Date(), { reindex: false });
}
