/**
 * What a workspace search takes and returns: one zod schema per shape, shared by the service,
 * the REST API, the CLI and the search UI (docs/search.md describes the fields).
 */
import { z } from "zod";
import { idSchema } from "../validation";
import { SEARCH_LIMITS } from "./query";

export const SEARCH_KINDS = ["text", "annotation", "note", "reply"] as const;
export const searchKindSchema = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof searchKindSchema>;

/**
 * `countAhead`: passages counted past the requested page. Counting every match of a common term
 * (「の」, 「同盟」 in a 10 MB workspace) means re-checking thousands of passages; the page needs only
 * its own, so `total` counts up to this many more and says "more than" beyond (docs/search.md).
 */
export const SEARCH_PAGE = { limitDefault: 20, limitMax: 100, offsetMax: 5_000, countAhead: 200 } as const;

/** Filters and page of a search; every list empty means "all". */
export const searchParamsSchema = z.object({
  q: z.string().max(SEARCH_LIMITS.queryMax, { message: "search_query_too_long" }),
  documentIds: z.array(idSchema).max(50).default([]),
  kinds: z.array(searchKindSchema).max(SEARCH_KINDS.length).default([]),
  themeIds: z.array(idSchema).max(50).default([]),
  authorIds: z.array(idSchema).max(50).default([]),
  offset: z.coerce.number().int().min(0).max(SEARCH_PAGE.offsetMax).default(0),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE.limitMax).default(SEARCH_PAGE.limitDefault),
});
export type SearchParams = z.input<typeof searchParamsSchema>;

const rangeSchema = z.object({ start: z.number().int(), end: z.number().int() });

/**
 * One hit: one occurrence of a term. `start`/`end` are UTF-16 code units into the hit's source:
 * the version text (`versionId`) for `text` and `annotation` hits (an annotation hit lies inside
 * the annotation's quote), the note's plain text for `note`, the reply's body for `reply`.
 * `highlights` are ranges of `snippet`.
 */
export const searchHitSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  kind: searchKindSchema,
  start: z.number().int(),
  end: z.number().int(),
  snippet: z.string(),
  highlights: z.array(rangeSchema),
  versionId: z.string().nullable(),
  annotationId: z.string().nullable(),
  replyId: z.string().nullable(),
  /** Headings above the hit's block, outermost first (text hits). */
  headingPath: z.array(z.string()),
  /** Page of the hit's block, when the source had pages (text hits). */
  page: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** Why a search returned nothing without looking: an empty query, or only excluded terms. */
export const searchNoticeSchema = z.enum(["empty_query", "no_included_terms"]);

export const searchResultSchema = z.object({
  query: z.object({ include: z.array(z.string()), exclude: z.array(z.string()), dropped: z.number().int() }),
  hits: z.array(searchHitSchema),
  /** Hits in all, counted over the passages up to the page's and `SEARCH_PAGE.countAhead` more (`totalCapped` when more match). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** Hits per document, in result order (for grouping). */
  documents: z.array(z.object({ documentId: z.string(), title: z.string(), count: z.number().int() })),
  offset: z.number().int(),
  limit: z.number().int(),
  /** Offset of the next page, or null on the last one. */
  nextOffset: z.number().int().nullable(),
  notice: searchNoticeSchema.nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
