/**
 * Workspace search (issue #13): parse the query, find the matching chunks of this workspace
 * (match-chunks.ts), then turn the chunks of the requested page into hits with snippets.
 * Results are ordered for grouping by document; `offset`/`limit` page over hits.
 */
import { buildSnippet, hitsInText, parseQuery, SEARCH_PAGE, type SearchHit, type SearchKind, type SearchResult } from "../../core/search";
import { prisma } from "../../infra/db/client";
import { matchChunks, type ChunkMatch, type MatchFilters, type MatchStrategy } from "./match-chunks";
import { ensureSearchIndex } from "./rebuild-index";

export interface SearchInput extends MatchFilters {
  q: string;
  offset: number;
  limit: number;
}

interface ChunkRow {
  id: string;
  documentId: string;
  kind: SearchKind;
  versionId: string | null;
  annotationId: string | null;
  replyId: string | null;
  replyAnnotationId: string | null;
  sourceStart: number;
  ownEnd: number;
  text: string;
  headingPath: string[] | null;
  page: number | null;
}

/** The chunks holding hits [offset, offset + limit), with the index of their first hit. */
function pageOf(matches: readonly ChunkMatch[], offset: number, limit: number): { match: ChunkMatch; first: number }[] {
  const out: { match: ChunkMatch; first: number }[] = [];
  let before = 0;
  for (const m of matches) {
    if (before + m.n > offset && before < offset + limit) out.push({ match: m, first: before });
    before += m.n;
    if (before >= offset + limit) break;
  }
  return out;
}

async function loadChunks(workspaceId: string, ids: string[]): Promise<Map<string, ChunkRow>> {
  if (!ids.length) return new Map();
  const rows = await prisma.$queryRaw<ChunkRow[]>`
    SELECT c."id"::text AS "id", c."documentId", c."kind", c."versionId", c."annotationId", c."replyId", r."annotationId" AS "replyAnnotationId",
           c."sourceStart", c."ownEnd", c."text", c."headingPath", c."page"
    FROM "SearchChunk" c LEFT JOIN "Reply" r ON r."workspaceId" = c."workspaceId" AND r."id" = c."replyId"
    WHERE c."workspaceId" = ${workspaceId} AND c."id" = ANY(${ids}::bigint[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Searches one workspace. The caller has checked that the actor may read it. `strategy` forces a
 * plan (match-chunks.ts): the benchmark's baseline and the tests.
 */
export async function searchWorkspace(workspaceId: string, input: SearchInput, opts: { strategy?: MatchStrategy } = {}): Promise<SearchResult> {
  const parsed = parseQuery(input.q);
  const include = parsed.include.map((t) => t.key);
  const exclude = parsed.exclude.map((t) => t.key);
  const base = { query: { include: parsed.include.map((t) => t.text), exclude: parsed.exclude.map((t) => t.text), dropped: parsed.dropped }, offset: input.offset, limit: input.limit };
  if (!include.length) {
    return { ...base, hits: [], total: 0, totalCapped: false, documents: [], nextOffset: null, notice: parsed.exclude.length ? "no_included_terms" : "empty_query" };
  }
  await ensureSearchIndex(workspaceId);
  // Every passage holds at least one hit: the first offset + limit passages hold the page.
  const counted = input.offset + input.limit + SEARCH_PAGE.countAhead;
  const found = await matchChunks(workspaceId, include, exclude, input, counted + 1, opts.strategy);
  const totalCapped = found.length > counted;
  const matches = found.slice(0, counted);
  const total = matches.reduce((s, m) => s + m.n, 0);

  const docIds = [...new Set(matches.map((m) => m.documentId))];
  const titles = new Map((await prisma.document.findMany({ where: { workspaceId, id: { in: docIds } }, select: { id: true, title: true } })).map((d) => [d.id, d.title]));
  const counts = new Map<string, number>();
  for (const m of matches) counts.set(m.documentId, (counts.get(m.documentId) ?? 0) + m.n);
  const documents = docIds.map((id) => ({ documentId: id, title: titles.get(id) ?? "", count: counts.get(id) ?? 0 }));

  const page = pageOf(matches, input.offset, input.limit);
  const chunks = await loadChunks(workspaceId, page.map((p) => p.match.id));
  const hits: SearchHit[] = [];
  for (const { match, first } of page) {
    const c = chunks.get(match.id);
    if (!c) continue;
    const ranges = hitsInText(c.text, c.ownEnd, include);
    ranges.forEach((r, k) => {
      const index = first + k;
      if (index < input.offset || index >= input.offset + input.limit) return;
      const snippet = buildSnippet(c.text, r, ranges);
      hits.push({
        documentId: c.documentId,
        title: titles.get(c.documentId) ?? "",
        kind: c.kind,
        start: c.sourceStart + r.start,
        end: c.sourceStart + r.end,
        snippet: snippet.text,
        highlights: snippet.highlights,
        versionId: c.versionId,
        annotationId: c.annotationId ?? c.replyAnnotationId,
        replyId: c.replyId,
        headingPath: c.headingPath ?? [],
        page: c.page,
      });
    });
  }
  const end = input.offset + input.limit;
  return { ...base, hits, total, totalCapped, documents, nextOffset: end < total ? end : null, notice: null };
}
