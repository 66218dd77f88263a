/**
 * Operations that non-browser writers (imports, the API, scripts) send to the collab server's
 * direct-write endpoint. The server applies them to the live Y.Doc with the same client
 * library the UI uses, so connected clients see them at once.
 */
import { z } from "zod";
import type { Action } from "../permissions";
import { actorSchema, anchorSchema, ANNOTATION_STATUSES, colourSchema, COLLAB_LIMITS, entryIdSchema, positionSchema } from "./entries";
import { LINK_NOTE_MAX, linkEndpointSchema } from "../argument/link-schema";
import { normaliseRelation } from "../argument/relations";
import type { CollabDocKind } from "./doc-names";

const themeIds = z.array(entryIdSchema).max(COLLAB_LIMITS.themesPerAnnotation);

export const directOperationSchema = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("createAnnotation"),
    input: z.object({ id: entryIdSchema.optional(), anchor: anchorSchema, colour: colourSchema, themeIds: themeIds.optional(), note: z.string().max(50_000).optional() }),
  }),
  z.object({ op: z.literal("updateAnnotation"), id: entryIdSchema, patch: z.object({ anchor: anchorSchema.optional(), colour: colourSchema.optional(), themeIds: themeIds.optional() }) }),
  z.object({ op: z.literal("deleteAnnotation"), id: entryIdSchema }),
  /**
   * Writes nothing: fails (`annotation_not_found`) unless a live annotation with this id is in
   * the document. A batch puts it before writes that rely on that annotation (the source of a
   * link, see "link to any text").
   */
  z.object({ op: z.literal("requireAnnotation"), id: entryIdSchema }),
  z.object({ op: z.literal("setStatus"), id: entryIdSchema, status: z.enum(ANNOTATION_STATUSES) }),
  z.object({
    op: z.literal("addReply"),
    input: z.object({ id: entryIdSchema.optional(), annotationId: entryIdSchema, parentId: entryIdSchema.optional(), body: z.string().max(COLLAB_LIMITS.replyMax * 2) }),
  }),
  z.object({
    op: z.literal("upsertTheme"),
    input: z.object({
      id: entryIdSchema.optional(),
      name: z.string().max(COLLAB_LIMITS.themeNameMax * 2),
      colour: colourSchema,
      description: z.string().max(COLLAB_LIMITS.descriptionMax).optional(),
      parentId: entryIdSchema.nullable().optional(),
      order: z.number().finite().optional(),
    }),
  }),
  /** Merges theme `sourceId` into `targetId` in the workspace doc (see mergeThemes). */
  z.object({ op: z.literal("mergeThemes"), sourceId: entryIdSchema, targetId: entryIdSchema }),
  /** Replaces a theme on every annotation of one document's doc (the second half of a merge). */
  z.object({ op: z.literal("retagAnnotations"), fromThemeId: entryIdSchema, toThemeId: entryIdSchema }),
  /**
   * A typed link (issue #7), written with createLink. `kind` is a relation of
   * lib/core/argument/relations.ts; the first model's kinds (contradicts, questions, relates)
   * are still accepted and mapped. `note` (or the old `label`) is the optional note.
   */
  z.object({
    op: z.literal("addLink"),
    input: z.object({
      id: entryIdSchema.optional(),
      from: linkEndpointSchema,
      to: linkEndpointSchema,
      kind: z.string().max(40).refine((k) => normaliseRelation(k) !== undefined, { message: "unknown_relation" }),
      note: z.string().max(LINK_NOTE_MAX).optional(),
      label: z.string().max(LINK_NOTE_MAX).optional(),
    }),
  }),
  /** A free claim or question on the argument map, with its position (addFreeNode). */
  z.object({
    op: z.literal("addMapNode"),
    input: z.object({ id: entryIdSchema.optional(), kind: z.enum(["claim", "question"]), text: z.string().max(COLLAB_LIMITS.labelMax * 2), position: positionSchema }),
  }),
  /** Map positions by graph node id (an annotation id or a node id), as an applied layout writes them. */
  z.object({ op: z.literal("setMapPositions"), positions: z.record(entryIdSchema, positionSchema).refine((p) => Object.keys(p).length <= 500, { message: "too_many_positions" }) }),
  /** Places an annotation on the argument map at a position (idempotent, see placeAnnotation). */
  z.object({ op: z.literal("placeAnnotation"), annotationId: entryIdSchema, position: positionSchema }),
]);
export type DirectOperation = z.infer<typeof directOperationSchema>;

export const directRequestSchema = z.object({
  documentName: z.string().max(200),
  actor: actorSchema,
  operations: z.array(directOperationSchema).min(1).max(1_000),
});
export type DirectRequest = z.infer<typeof directRequestSchema>;

/**
 * Several documents of one workspace written together: every step is first tried on a copy of
 * its document, and only when all of them succeed applied, in order. Ids are fixed by the
 * caller where later steps refer to them (a link to an annotation created in an earlier step).
 */
export const directBatchSchema = z.object({
  actor: actorSchema,
  steps: z
    .array(z.object({ documentName: z.string().max(200), operations: z.array(directOperationSchema).min(1).max(100) }))
    .min(1)
    .max(4),
});
export type DirectBatch = z.infer<typeof directBatchSchema>;

/** The document kind an operation writes and the permission it needs there. */
export const DIRECT_OPERATION_RULES: Record<DirectOperation["op"], { kind: CollabDocKind; action: Action }> = {
  createAnnotation: { kind: "annotations", action: "annotation.create" },
  updateAnnotation: { kind: "annotations", action: "annotation.edit" },
  deleteAnnotation: { kind: "annotations", action: "annotation.edit" },
  requireAnnotation: { kind: "annotations", action: "annotation.read" },
  setStatus: { kind: "annotations", action: "annotation.edit" },
  addReply: { kind: "discussion", action: "annotation.reply" },
  upsertTheme: { kind: "meta", action: "theme.manage" },
  mergeThemes: { kind: "meta", action: "theme.manage" },
  retagAnnotations: { kind: "annotations", action: "annotation.edit" },
  addLink: { kind: "meta", action: "link.manage" },
  addMapNode: { kind: "meta", action: "link.manage" },
  setMapPositions: { kind: "meta", action: "link.manage" },
  placeAnnotation: { kind: "meta", action: "link.manage" },
};
