/**
 * The candidate query: chunks of one workspace whose tagged grams hold every bigram of the
 * included terms (GIN), re-checked on the folded key (`strpos`: every term literally, so `%`,
 * `_`, `\` and `'` are plain characters), with the hits each chunk owns counted in SQL the way
 * lib/core/search/match.ts finds them. Strategy `scan` finds the same rows by a sequential scan
 * alone, the baseline the benchmark measures against; `gin` and `walk` force one plan (tests).
 */
import { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";
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

/** Share of GIN candidates that pass the re-check (a term found only in a chunk's overlap fails it). */
const PASS_RATE = 0.6;

/**
 * Rows of the workspace and GIN candidates of the query, in one round trip (migration
 * search_plan_figures): the planner's estimate of the candidates when it already favours the walk
 * (it only ever underestimates them), else their exact count from the bitmap alone (no heap row
 * is read; about a millisecond for a rare term, a few for the most common characters).
 */
async function planFigures(workspaceId: string, tsquery: string, wanted: number): Promise<{ candidates: number; rows: number }> {
  const [r] = await prisma.$queryRaw<{ candidates: bigint | null; rows: bigint | null }[]>`SELECT "candidates", "rows" FROM "search_plan_figures"(${workspaceId}, ${tsquery}::tsquery, ${wanted}::int, ${PASS_RATE}::float8)`;
  return { candidates: Number(r?.candidates ?? 0), rows: Number(r?.rows ?? 0) };
}

/**
 * Walking the result order re-checks about `wanted / density` rows before it has `wanted`
 * matches; the GIN plan re-checks every candidate. The walk wins when
 * wanted × rows / (candidates × PASS_RATE) < candidates (the same test as in search_plan_figures).
 */
export function walkIsCheaper(candidates: number, rows: number, wanted: number): boolean {
  return candidates > 0 && wanted * rows < candidates * candidates * PASS_RATE;
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
  const { query, dense } = await matchQuery(workspaceId, include, exclude, filters, cap, strategy);
  if (!dense) return prisma.$queryRaw<ChunkMatch[]>(query);
  return prisma.$transaction(async (tx) => {
    // SET LOCAL, in one round trip.
    await tx.$queryRaw`SELECT set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
    return tx.$queryRaw<ChunkMatch[]>(query);
  });
}

/** The statement matchChunks runs, and whether it walks the result order (exported for profiling). */
export async function matchQuery(workspaceId: string, include: readonly string[], exclude: readonly string[], filters: MatchFilters, cap: number, strategy: MatchStrategy = "auto"): Promise<{ query: Prisma.Sql; dense: boolean }> {
  const tsquery = tsqueryOf(queryLexemes(workspaceTag(workspaceId), include));
  const count = Prisma.join(include.map(countOf), " + ");
  // Terms found in many passages (「の」, 「同盟」): walking the result order and re-checking each
  // passage stops at the cap after a few hundred rows, where taking every candidate from the GIN
  // index means re-checking all of them to sort them (walkIsCheaper). The planner underestimates
  // how many passages pass `strpos` and would sort them all, so the walk is asked for explicitly.
  // Without the index (strategy `scan`, the benchmark's baseline) the planner scans the
  // workspace's rows sequentially. Deleting a document deletes its rows in the same transaction;
  // the list of deleted ones only covers a race.
  const [deletedRows, f] = await Promise.all([
    prisma.document.findMany({ where: { workspaceId, deletedAt: { not: null } }, select: { id: true } }),
    strategy === "auto" ? planFigures(workspaceId, tsquery, cap) : null,
  ]);
  const deleted = deletedRows.map((d) => d.id);
  const dense = strategy === "walk" || (f !== null && walkIsCheaper(f.candidates, f.rows, cap));
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
  return { query, dense };
}
