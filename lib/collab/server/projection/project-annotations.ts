/**
 * Projects a document's annotations Y.Doc into Annotation + AnnotationTheme. An entry is stored
 * only when it passes the schema, names a version of this document, its range lies inside that
 * version's text and its quote matches; otherwise it is flagged. Deleted entries are skipped.
 */
import { annotationEntrySchema, checkAnchor, type AnnotationEntry } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { chunks, diffRows, fingerprint } from "./diff-rows";
import { schemaFlag, type Flag } from "./flags";
import type { DocSnapshot } from "./snapshot";
import { versionTexts } from "./version-texts";
import { indexAnnotations } from "../../../server/search/index-sources";
import { placeProjected } from "../../../server/anchors/store-placements";
import { activityEnabled, type ProjectionActivity } from "./activity-options";
import { recordAnnotationActivity, type AnnotationState } from "./annotation-activity";

type Snapshot = Extract<DocSnapshot, { kind: "annotations" }>;
const NOTE_TEXT_MAX = 100_000;

export async function projectAnnotations(
  tx: Prisma.TransactionClient,
  name: string,
  ref: { workspaceId: string; documentId: string },
  snapshot: Snapshot,
  activity?: ProjectionActivity,
): Promise<{ stored: number; flags: Flag[] }> {
  const flags: Flag[] = [];
  const candidates: AnnotationEntry[] = [];
  const deleted = new Set<string>();
  for (const [key, value] of snapshot.annotations) {
    const parsed = annotationEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("annotation", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "annotation", entryId: key, reason: "id_mismatch" });
    else if (!parsed.data.deleted) candidates.push(parsed.data);
    else deleted.add(key);
  }

  const texts = await versionTexts(tx, ref.documentId, candidates.map((a) => a.anchor.versionId));
  // Ids are unique per workspace: an id already projected from another Y.Doc is refused here.
  const taken = new Set(
    (
      await tx.annotation.findMany({
        where: { workspaceId: ref.workspaceId, id: { in: candidates.map((a) => a.id) }, NOT: { collabName: name } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );

  const rows: Prisma.AnnotationCreateManyInput[] = [];
  const themes: Prisma.AnnotationThemeCreateManyInput[] = [];
  for (const a of candidates) {
    const text = texts.get(a.anchor.versionId);
    const problem = text === undefined ? "unknown_version" : taken.has(a.id) ? "duplicate_id" : checkAnchor(text, a.anchor);
    if (problem) {
      flags.push({ entryKind: "annotation", entryId: a.id, reason: problem, detail: { versionId: a.anchor.versionId, start: a.anchor.start, end: a.anchor.end } });
      continue;
    }
    const note = snapshot.notes.get(a.id);
    if (note && "malformed" in note) flags.push({ entryKind: "note", entryId: a.id, reason: "note_malformed" });
    rows.push({
      workspaceId: ref.workspaceId,
      id: a.id,
      collabName: name,
      documentId: ref.documentId,
      versionId: a.anchor.versionId,
      start: a.anchor.start,
      end: a.anchor.end,
      exact: a.anchor.exact,
      prefix: a.anchor.prefix,
      suffix: a.anchor.suffix,
      authorId: a.author.id,
      authorName: a.author.name,
      colour: a.colour,
      status: a.status,
      noteText: note && "text" in note ? note.text.slice(0, NOTE_TEXT_MAX) : "",
      createdAt: new Date(a.createdAt),
      updatedAt: new Date(a.updatedAt),
    });
    for (const themeId of a.themeIds) themes.push({ workspaceId: ref.workspaceId, annotationId: a.id, themeId });
  }

  // Only what changed since the last store is written (diff-rows.ts); AnnotationTheme rows go
  // with their annotation (cascade) and come back with it.
  const themeIdsOf = new Map<string, string[]>();
  for (const t of themes) themeIdsOf.set(t.annotationId, [...(themeIdsOf.get(t.annotationId) ?? []), t.themeId]);
  const stored = await tx.annotation.findMany({ where: { collabName: name }, include: { themes: { select: { themeId: true } } } });
  const diff = diffRows(
    new Map(stored.map((r) => [r.id, printAnnotation(r, r.themes.map((t) => t.themeId))])),
    rows,
    (r) => r.id,
    (r) => printAnnotation(r, themeIdsOf.get(r.id) ?? []),
  );
  for (const ids of chunks(diff.remove)) await tx.annotation.deleteMany({ where: { collabName: name, id: { in: ids } } });
  if (diff.create.length) await tx.annotation.createMany({ data: diff.create });
  // Annotations of an older version are placed in the latest one before they are indexed (at that place).
  await placeProjected(tx, ref, diff.create);
  // Search rows of removed or changed annotations went with them (cascade); new ones come here.
  await indexAnnotations(tx, diff.create);
  const created = new Set(diff.create.map((r) => r.id));
  const newThemes = themes.filter((t) => created.has(t.annotationId));
  if (newThemes.length) await tx.annotationTheme.createMany({ data: newThemes, skipDuplicates: true });
  if (activity && activityEnabled() && (diff.create.length || diff.remove.length)) {
    const state = (r: AnnotationValues & { id: string }, themeIds: readonly string[]): AnnotationState => ({
      id: r.id, authorId: r.authorId, exact: r.exact, status: r.status, noteText: r.noteText ?? "", themeIds,
    });
    const mentions = new Map<string, string[]>();
    for (const r of diff.create) {
      const note = snapshot.notes.get(r.id);
      if (note && "mentions" in note && note.mentions.length) mentions.set(r.id, note.mentions);
    }
    await recordAnnotationActivity(
      tx, ref,
      new Map(stored.map((r) => [r.id, state(r, r.themes.map((t) => t.themeId))])),
      diff.create.map((r) => state(r, themeIdsOf.get(r.id) ?? [])),
      deleted, mentions, activity,
    );
  }
  return { stored: rows.length, flags };
}

type AnnotationValues = Omit<Prisma.AnnotationCreateManyInput, "workspaceId" | "id" | "collabName">;

/** Everything stored about an annotation (theme ids in any order), for diffRows. */
function printAnnotation(r: AnnotationValues, themeIds: readonly string[]): string {
  return fingerprint([r.documentId, r.versionId, r.start, r.end, r.exact, r.prefix, r.suffix, r.authorId, r.authorName, r.colour, r.status, r.noteText, r.createdAt, r.updatedAt, [...themeIds].sort().join(" ")]);
}
