/**
 * Annotations as they read in their document's current version, for the server's readers
 * (export, API): an annotation of an older version that the re-anchoring placed in the latest
 * one is cited there — its version, range, the text at that place and fresh context — so an
 * export cites the passage where the compare view paints it. Orphans (and annotations of the
 * current version) keep their own anchor: the place they were made is all that is known.
 */
import { buildAnchor } from "../../core/collab";
import type { AnnotationRow } from "../../core/export/build-excerpt";
import { prisma } from "../../infra/db/client";

/** The anchor fields of an Annotation projection row: all a current place needs. */
type AnchoredRow = Pick<AnnotationRow, "id" | "documentId" | "versionId" | "start" | "end" | "exact" | "prefix" | "suffix">;

/** A reader of current places that keeps the latest versions' texts for the whole run (an export reads many batches). */
export function currentPlaces(workspaceId: string): <R extends AnchoredRow>(rows: readonly R[]) => Promise<R[]> {
  const texts = new Map<string, Promise<string>>();
  const textOf = (versionId: string) => {
    let t = texts.get(versionId);
    if (!t) texts.set(versionId, (t = prisma.documentVersion.findUniqueOrThrow({ where: { id: versionId }, select: { text: true } }).then((v) => v.text)));
    return t;
  };
  return async (rows) => {
    if (!rows.length) return [...rows];
    const ids = rows.map((r) => r.id);
    const placed = await prisma.$queryRaw<{ annotationId: string; versionId: string; start: number; end: number }[]>`
      SELECT p."annotationId", p."versionId", p."start", p."end" FROM "AnnotationPlacement" p
      WHERE p."workspaceId" = ${workspaceId} AND p."annotationId" = ANY(${ids}) AND p."status" <> 'orphan'
        AND p."versionId" = (SELECT v."id" FROM "DocumentVersion" v WHERE v."documentId" = p."documentId" ORDER BY v."number" DESC LIMIT 1)`;
    const byId = new Map(placed.map((p) => [p.annotationId, p]));
    return Promise.all(
      rows.map(async (r) => {
        const p = byId.get(r.id);
        if (!p) return r;
        const a = buildAnchor(await textOf(p.versionId), p.versionId, p.start, p.end);
        return { ...r, versionId: a.versionId, start: a.start, end: a.end, exact: a.exact, prefix: a.prefix, suffix: a.suffix };
      }),
    );
  };
}
