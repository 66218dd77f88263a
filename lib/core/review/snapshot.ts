/**
 * A snapshot: a named, frozen copy of a workspace's argument map (nodes and links) and its
 * annotations, as plain data. Built on the server from the read path (projection caught up with
 * the append log, map nodes from the workspace Y.Doc) and stored as JSON; read back through
 * `snapshotDataSchema`, so a row written by an older build is checked, never trusted.
 */
import { z } from "zod";

/**
 * Bounds decided before a snapshot is taken (counted first, refused past them): a snapshot is one
 * JSON value that a diff holds twice in memory. 50,000 annotations with 2,000-character notes is
 * about 150 MB at worst; the text fields are capped below so the typical row stays under 1 KB.
 */
export const SNAPSHOT_LIMITS = {
  annotations: 50_000,
  links: 50_000,
  nodes: 20_000,
  nameMax: 120,
  /** Characters of a quote and of a note kept in a snapshot (longer ones are cut with "…"). */
  quoteMax: 1_000,
  noteMax: 2_000,
} as const;

export const snapshotAnnotationSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  versionId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  status: z.string(),
  colour: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  themeIds: z.array(z.string()),
  replyCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SnapshotAnnotation = z.infer<typeof snapshotAnnotationSchema>;

export const snapshotLinkSchema = z.object({
  id: z.string(),
  fromKind: z.string(),
  fromId: z.string(),
  toKind: z.string(),
  toId: z.string(),
  kind: z.string(),
  label: z.string(),
});
export type SnapshotLink = z.infer<typeof snapshotLinkSchema>;

export const snapshotNodeSchema = z.object({
  id: z.string(),
  kind: z.enum(["annotation", "claim", "question"]),
  label: z.string(),
  annotationId: z.string().nullable(),
});
export type SnapshotNode = z.infer<typeof snapshotNodeSchema>;

export const snapshotDataSchema = z.object({
  version: z.literal(1),
  documents: z.array(z.object({ id: z.string(), title: z.string() })),
  themes: z.array(z.object({ id: z.string(), name: z.string(), colour: z.string() })),
  annotations: z.array(snapshotAnnotationSchema),
  links: z.array(snapshotLinkSchema),
  nodes: z.array(snapshotNodeSchema),
});
export type SnapshotData = z.infer<typeof snapshotDataSchema>;

/** Cuts `text` to `max` characters (code points kept whole), marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = Array.from(text.slice(0, max)).slice(0, -1).join("");
  return `${cut}…`;
}

/** A snapshot name: NFC, spaces collapsed, 1–120 characters. */
export const snapshotNameSchema = z
  .string()
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "snapshot_name_empty").max(SNAPSHOT_LIMITS.nameMax, "snapshot_name_too_long"));
