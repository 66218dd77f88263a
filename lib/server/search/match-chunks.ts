/**
 * The candidate query: chunks of one workspace whose tagged grams hold every bigram of the
 * included terms (GIN), re-checked on the folded key (`strpos`: every term literally, so `%`,
 * `_`, `\` and `'` are plain characters), with the hits each chunk owns counted in SQL the way
 * lib/core/search/match.ts finds them. Strategy `scan` finds the same rows by a sequential scan
 * alone, the baseline the benchmark measures against; `gin` and `walk` force one plan (tests).
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

/** Above this many GIN candidates per wanted row, walking the result order is cheaper. */
const DENSE_FACTOR = 4;

/**
 * The planner's estimate of the workspace's GIN candidates (from the tsvector's element
 * statistics; a plan costs about a millisecond, counting a common prefix term's candidates a
 * hundred times that).
 */
async function estimatedCandidates(workspaceId: string, tsquery: string): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM "SearchChunk" c WHERE c."workspaceId" = $1 AND c."grams" @@ $2::tsquery`,
    workspaceId,
    tsquery,
  );
  return rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
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
export type MatchStrategy = "auto" | "gin" | "walk" | "scan";

export async function matchChunks(workspaceId: string, include: readonly string[], exclude: readonly string[], filters: MatchFilters, cap: number, strategy: MatchStrategy = "auto"): Promise<ChunkMatch[]> {
  if (!include.length) return [];
  const tsquery = tsqueryOf(queryLexemes(workspaceTag(workspaceId), include));
  // Deleting a document deletes its rows in the same transaction; this only covers a race.
  const deleted = (await prisma.document.findMany({ where: { workspaceId, deletedAt: { not: null } }, select: { id: true } })).map((d) => d.id);
  const count = Prisma.join(include.map(countOf), " + ");
  // Terms found in most passages (「の」, 「核」 in a paper on deterrence): walking the result order
  // and re-checking each passage stops at the cap after a few thousand rows, where taking every
  // candidate from the GIN index means reading all of them (their grams included) to sort them.
  // The planner underestimates how many passages pass `strpos` and would sort them all, so the
  // walk is asked for explicitly. Without the index (strategy `scan`, the benchmark's baseline)
  // the planner scans the workspace's rows sequentially.
  const dense = strategy === "walk" || (strategy === "auto" && (await estimatedCandidates(workspaceId, tsquery)) >= cap * DENSE_FACTOR);
  const conditions = [
    Prisma.sql`c."workspaceId" = ${workspaceId}`,
    ...(strategy !== "scan" && !dense ? [Prisma.sql`c."grams" @@ ${tsquery}::tsquery`] : []),
    // A passage (a chunk's owned part) must hold every included term and no excluded one; the
    // overlap only lets a hit that starts in the passage run past its end.
    ...include.map((t) => Prisma.sql`strpos(c."key", ${t}::text) > 0 AND strpos(${ownedKey(t)}, ${t}::text) > 0`),
    ...exclude.map((t) => Prisma.sql`strpos(${ownedKey(t)}, ${t}::text) = 0`),
    ...(deleted.length ? [Prisma.sql`c."documentId" <> ALL(${deleted}::text[])`] : []),
    ...filtersSql(workspaceId, filters),
  ];
  const query = Prisma.sql`
    SELECT c."id"::text AS "id", c."documentId", (${count})::int AS "n"
    FROM "SearchChunk" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY c."docAt", c."documentId", c."kindOrder", c."sourceStart", c."id"
    LIMIT ${cap}`;
  if (!dense) return prisma.$queryRaw<ChunkMatch[]>(query);
  return prisma.$transaction(async (tx) => {
    // SET LOCAL, in one round trip.
    await tx.$queryRaw`SELECT set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
    return tx.$queryRaw<ChunkMatch[]>(query);
  });
}
