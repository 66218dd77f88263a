/**
 * The candidate query: chunks of one workspace whose tagged grams hold every bigram of the
 * included terms (GIN), re-checked on the folded key (`strpos`: every term literally, so `%`,
 * `_`, `\` and `'` are plain characters), with the hits each chunk owns counted in SQL the way
 * lib/core/search/match.ts finds them. Also the same rows found by a sequential scan alone
 * (`useIndex: false`), the baseline the benchmark measures against.
 */
import { Prisma } from "../../generated/prisma/client";
import { prisma } from "../db/client";
import { queryLexemes, tsqueryOf, workspaceTag, type SearchKind } from "../../core/search";

export interface MatchFilters {
  documentIds: string[];
  kinds: SearchKind[];
  themeIds: string[];
  authorIds: string[];
}

export interface ChunkMatch {
  id: string;
  documentId: string;
  n: number;
}

/** The key up to the last position where an occurrence of `term` could still start in the owned part. */
function ownedKey(term: string): Prisma.Sql {
  return Prisma.sql`left(c."key", c."ownKeyLen" + ${Array.from(term).length - 1}::int)`;
}

/** Non-overlapping occurrences of `term` that start in the owned part of the key. */
function countOf(term: string): Prisma.Sql {
  return Prisma.sql`((length(${ownedKey(term)}) - length(replace(${ownedKey(term)}, ${term}::text, ''))) / ${Array.from(term).length}::int)`;
}

function filtersSql(workspaceId: string, f: MatchFilters): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (f.documentIds.length) out.push(Prisma.sql`c."documentId" = ANY(${f.documentIds}::text[])`);
  if (f.kinds.length) out.push(Prisma.sql`c."kind" = ANY(${f.kinds}::text[])`);
  if (f.authorIds.length) out.push(Prisma.sql`c."authorId" = ANY(${f.authorIds}::text[])`);
  if (f.themeIds.length) {
    // Text has no theme: with a theme filter, the tagged passages are the annotation hits.
    const tagged = Prisma.sql`SELECT t."annotationId" FROM "AnnotationTheme" t WHERE t."workspaceId" = ${workspaceId} AND t."themeId" = ANY(${f.themeIds}::text[])`;
    out.push(Prisma.sql`(c."annotationId" IN (${tagged}) OR c."replyId" IN (SELECT r."id" FROM "Reply" r WHERE r."workspaceId" = ${workspaceId} AND r."annotationId" IN (${tagged})))`);
  }
  return out;
}

/**
 * Matching chunks in result order (document by creation, then text, quotes, notes, replies, by
 * position), at most `cap`, each with its number of hits (> 0). One level, ordered like the
 * (workspaceId, docAt, …) index: for a term found in most passages the planner walks that index
 * and stops at the cap instead of re-checking every candidate the GIN index gives.
 */
export async function matchChunks(workspaceId: string, include: readonly string[], exclude: readonly string[], filters: MatchFilters, cap: number, useIndex = true): Promise<ChunkMatch[]> {
  if (!include.length) return [];
  const tsquery = tsqueryOf(queryLexemes(workspaceTag(workspaceId), include));
  // Deleting a document deletes its rows in the same transaction; this only covers a race.
  const deleted = (await prisma.document.findMany({ where: { workspaceId, deletedAt: { not: null } }, select: { id: true } })).map((d) => d.id);
  const count = Prisma.join(include.map(countOf), " + ");
  const conditions = [
    Prisma.sql`c."workspaceId" = ${workspaceId}`,
    ...(useIndex ? [Prisma.sql`c."grams" @@ ${tsquery}::tsquery`] : []),
    // A passage (a chunk's owned part) must hold every included term and no excluded one; the
    // overlap only lets a hit that starts in the passage run past its end.
    ...include.map((t) => Prisma.sql`strpos(c."key", ${t}::text) > 0 AND strpos(${ownedKey(t)}, ${t}::text) > 0`),
    ...exclude.map((t) => Prisma.sql`strpos(${ownedKey(t)}, ${t}::text) = 0`),
    ...(deleted.length ? [Prisma.sql`c."documentId" <> ALL(${deleted}::text[])`] : []),
    ...filtersSql(workspaceId, filters),
  ];
  return prisma.$queryRaw<ChunkMatch[]>`
    SELECT c."id"::text AS "id", c."documentId", (${count})::int AS "n"
    FROM "SearchChunk" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."docAt", c."documentId", c."kindOrder", c."sourceStart", c."id"
    LIMIT ${cap}`;
}
