/**
 * The entries stored in the collaborative documents, as zod schemas. Shared by the client
 * library (lib/collab/model), which refuses to write an invalid entry, and the server's
 * projection, which flags whatever a client managed to write anyway. No Yjs here: values are
 * the plain JSON held in the Y.Maps (notes are Y.XmlFragments and live beside, not inside).
 */
import { z } from "zod";
import { CONTEXT_LENGTH } from "./anchor";

export const COLLAB_LIMITS = {
  quoteMax: 20_000,
  replyMax: 4_000,
  themeNameMax: 80,
  descriptionMax: 1_000,
  labelMax: 300,
  themesPerAnnotation: 50,
  nameMax: 120,
} as const;

/** Entry and user ids: cuid-like, URL-safe. */
export const entryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "invalid_id" });
const isoDate = z.iso.datetime({ offset: true });
/** `#rrggbb`: the colours the UI offers; anything else is refused rather than rendered. */
export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: "invalid_colour" });

export const actorSchema = z.object({ id: entryIdSchema, name: z.string().min(1).max(COLLAB_LIMITS.nameMax) });
export type CollabActor = z.infer<typeof actorSchema>;

export const anchorSchema = z.object({
  versionId: entryIdSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(COLLAB_LIMITS.quoteMax),
  prefix: z.string().max(CONTEXT_LENGTH),
  suffix: z.string().max(CONTEXT_LENGTH),
});

export const ANNOTATION_STATUSES = ["open", "resolved"] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];

export const annotationEntrySchema = z.object({
  id: entryIdSchema,
  anchor: anchorSchema,
  author: actorSchema,
  colour: colourSchema,
  status: z.enum(ANNOTATION_STATUSES),
  themeIds: z.array(entryIdSchema).max(COLLAB_LIMITS.themesPerAnnotation),
  createdAt: isoDate,
  updatedAt: isoDate,
  deleted: z.boolean().optional(),
});
export type AnnotationEntry = z.infer<typeof annotationEntrySchema>;

/** Reply bodies are plain text: NFC, trimmed, 1..replyMax code units. */
export const replyBodySchema = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(1, { message: "reply_empty" }).max(COLLAB_LIMITS.replyMax, { message: "reply_too_long" }));

export const replyEntrySchema = z.object({
  id: entryIdSchema,
  annotationId: entryIdSchema,
  parentId: entryIdSchema.optional(),
  author: actorSchema,
  body: z.string().min(1).max(COLLAB_LIMITS.replyMax),
  createdAt: isoDate,
  editedAt: isoDate.optional(),
  deleted: z.boolean().optional(),
});
export type ReplyEntry = z.infer<typeof replyEntrySchema>;

/**
 * A theme (code) of the workspace. `parentId` nests it (views break any cycle that concurrent
 * moves create, see lib/core/themes/tree.ts); `order` sorts siblings (fractional, so a move
 * writes one entry); `mergedInto` marks a theme merged into another: it is deleted, and views
 * count annotations still naming it under the target until the merge has retagged them.
 */
export const themeEntrySchema = z.object({
  id: entryIdSchema,
  name: z.string().min(1).max(COLLAB_LIMITS.themeNameMax),
  colour: colourSchema,
  description: z.string().max(COLLAB_LIMITS.descriptionMax).optional(),
  parentId: entryIdSchema.optional(),
  order: z.number().finite().optional(),
  mergedInto: entryIdSchema.optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
  deleted: z.boolean().optional(),
});
export type ThemeEntry = z.infer<typeof themeEntrySchema>;

// Links have one schema, `argumentLinkSchema` of lib/core/argument/link-schema.ts.

/** A node of the argument map: an annotation placed on the map, or a free claim or question. */
export const mapNodeEntrySchema = z.object({
  id: entryIdSchema,
  kind: z.enum(["annotation", "claim", "question"]),
  annotationId: entryIdSchema.optional(),
  label: z.string().max(COLLAB_LIMITS.labelMax).optional(),
  author: actorSchema,
  createdAt: isoDate,
  deleted: z.boolean().optional(),
});
export type MapNodeEntry = z.infer<typeof mapNodeEntrySchema>;

/** Positions change on every drag-stop, so they live in their own map (node id → {x, y}). */
export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
export type MapPosition = z.infer<typeof positionSchema>;
