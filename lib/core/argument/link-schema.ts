/**
 * The one schema of the link entry of the workspace Y.Doc (`links` map): relation types of
 * issue #7 and a `note`. Entries written by the first model (kinds contradicts / questions /
 * relates, a `label`) still parse, with their kind mapped (see LEGACY_RELATIONS) and the label
 * read as the note.
 */
import { z } from "zod";
import { actorSchema, COLLAB_LIMITS, entryIdSchema } from "../collab/entries";
import { normaliseRelation, RELATIONS } from "./relations";

export const LINK_NOTE_MAX = COLLAB_LIMITS.labelMax * 4;

export const linkEndpointSchema = z.object({
  kind: z.enum(["annotation", "node"]),
  id: entryIdSchema,
  /** For annotations: the document holding it, so a reader can open it without a search. */
  documentId: entryIdSchema.optional(),
});
export type LinkEndpoint = z.infer<typeof linkEndpointSchema>;

const isoDate = z.iso.datetime({ offset: true });

export const argumentLinkSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    const kind = normaliseRelation(r.kind) ?? r.kind;
    const note = r.note ?? r.label;
    const { label: _label, ...rest } = r;
    return { ...rest, kind, ...(note !== undefined ? { note } : {}) };
  },
  z.object({
    id: entryIdSchema,
    from: linkEndpointSchema,
    to: linkEndpointSchema,
    kind: z.enum(RELATIONS),
    note: z.string().max(LINK_NOTE_MAX).optional(),
    author: actorSchema,
    createdAt: isoDate,
    updatedAt: isoDate.optional(),
    deleted: z.boolean().optional(),
  }),
);
export type ArgumentLink = z.infer<typeof argumentLinkSchema>;

/** Link notes are plain text: NFC, trimmed, empty means none. */
export function normaliseNote(note: string | undefined): string | undefined {
  const n = note?.normalize("NFC").trim();
  return n ? n : undefined;
}
