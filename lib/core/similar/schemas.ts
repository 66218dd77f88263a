/**
 * The wire shapes of "similar passages" and "link to any text" (issue #13), shared by the
 * server operations, the route handlers and the browser (import from here, never from
 * lib/server). Offsets are UTF-16 code units into the named document version's canonical text.
 */
import { z } from "zod";
import { LINK_NOTE_MAX } from "../argument/link-schema";
import { RELATIONS } from "../argument/relations";
import { colourSchema } from "../collab/entries";
import { idSchema } from "../validation";
import { SIMILAR_LIMITS } from "./query";

const offset = z.coerce.number().int().min(0).max(50_000_000);

/**
 * What to find passages similar to: a selected passage of the current version of a document
 * (`documentId`, `start`, `end`), or an annotation (`annotationId`; its quote is the query).
 */
export const findSimilarInputSchema = z
  .object({
    workspaceId: idSchema,
    documentId: idSchema.optional(),
    start: offset.optional(),
    end: offset.optional(),
    annotationId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(SIMILAR_LIMITS.topMax).default(SIMILAR_LIMITS.topMax),
  })
  .refine((i) => (i.annotationId ? i.documentId === undefined && i.start === undefined : i.documentId !== undefined && i.start !== undefined && i.end !== undefined), {
    message: "similar_query_missing",
  })
  .refine((i) => i.start === undefined || i.end === undefined || i.end > i.start, { message: "similar_range_invalid", path: ["end"] });
export type FindSimilarInput = z.input<typeof findSimilarInputSchema>;

export const similarPassageSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  /** The current version the offsets point into. */
  versionId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The passage's text, whitespace collapsed, cut to SNIPPET_MAX code points with "…". */
  snippet: z.string(),
  /** Cosine similarity, 0–1 (rounded to 3 decimals); SIMILAR_LIMITS.minScore and above. */
  score: z.number(),
  /** The headings above the passage, outermost first (may be empty). */
  headingPath: z.array(z.string()),
  page: z.number().int().nullable(),
});
export type SimilarPassage = z.infer<typeof similarPassageSchema>;

export const findSimilarResultSchema = z.object({
  /** The passage that was compared (cut to SIMILAR_LIMITS.queryMax when `truncated`). */
  query: z.object({ documentId: z.string(), start: z.number().int(), end: z.number().int(), truncated: z.boolean() }),
  /** Best first, at most `limit`, never in the query's own document. */
  passages: z.array(similarPassageSchema),
});
export type FindSimilarResult = z.infer<typeof findSimilarResultSchema>;

/**
 * Link an existing annotation to any range of text: the far-end annotation is created in the
 * caller's name and the link with it, in one request.
 */
export const linkToTextInputSchema = z.object({
  workspaceId: idSchema,
  /** The link's source: an existing, live annotation and its document. */
  from: z.object({ annotationId: idSchema, documentId: idSchema }),
  /** The far end: a range of the current version of a document of the workspace. */
  to: z.object({ documentId: idSchema, start: offset, end: offset }),
  relation: z.enum(RELATIONS),
  note: z.string().max(LINK_NOTE_MAX).optional(),
  /** Colour of the new annotation; the default highlight colour when absent. */
  colour: colourSchema.optional(),
});
export type LinkToTextInput = z.input<typeof linkToTextInputSchema>;

export const linkToTextResultSchema = z.object({
  annotationId: z.string(),
  linkId: z.string(),
  /** The far-end annotation's anchor, as stored. */
  anchor: z.object({ versionId: z.string(), start: z.number().int(), end: z.number().int(), exact: z.string(), prefix: z.string(), suffix: z.string() }),
});
export type LinkToTextResult = z.infer<typeof linkToTextResultSchema>;
