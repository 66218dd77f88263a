/**
 * Turns what an annotations store changed (the rows before and after, diff-rows.ts) into
 * activity and mention notifications. Only changed rows are looked at, so a re-projection of an
 * unchanged state records nothing; creation events carry an idempotency key, so a change seen
 * twice (two collab instances, a catch-up read before the live store) is recorded once.
 */
import { excerpt } from "../../../core/activity/kinds";
import type { Prisma } from "../../../generated/prisma/client";
import { recordNoteEdit } from "../../../server/activity/coalesce-note-edit";
import { recordActivities, type ActivityInput } from "../../../server/activity/record-activity";
import { notify } from "../../../server/notifications/notify";
import { editorFor, type ProjectionActivity } from "./activity-options";

export interface AnnotationState {
  id: string;
  authorId: string;
  exact: string;
  status: string;
  noteText: string;
  themeIds: readonly string[];
}

export async function recordAnnotationActivity(
  tx: Prisma.TransactionClient,
  ref: { workspaceId: string; documentId: string },
  before: ReadonlyMap<string, AnnotationState>,
  after: readonly AnnotationState[],
  deleted: ReadonlySet<string>,
  mentions: ReadonlyMap<string, readonly string[]>,
  activity: ProjectionActivity,
): Promise<void> {
  const { workspaceId, documentId } = ref;
  const at = activity.now;
  const events: ActivityInput[] = [];
  const edits: ActivityInput[] = [];
  const noteChanged: AnnotationState[] = [];
  const base = (a: AnnotationState, actorId: string) => ({ workspaceId, documentId, annotationId: a.id, actorId, at });
  for (const a of after) {
    const prev = before.get(a.id);
    const quote = excerpt(a.exact);
    if (!prev) {
      events.push({ ...base(a, a.authorId), kind: "annotation.create", key: `annotation.create:${a.id}`, data: { quote, note: excerpt(a.noteText) } });
      if (a.noteText) noteChanged.push(a);
      continue;
    }
    const actorId = editorFor(a.authorId, activity);
    const stamp = at.getTime();
    if (prev.noteText !== a.noteText) {
      edits.push({ ...base(a, actorId), kind: "note.edit", data: { quote, note: excerpt(a.noteText) } });
      noteChanged.push(a);
    }
    if (prev.status !== a.status) {
      events.push({ ...base(a, actorId), kind: "status.change", key: `status:${a.id}:${stamp}`, data: { quote, from: prev.status, to: a.status } });
    }
    const had = new Set(prev.themeIds);
    const has = new Set(a.themeIds);
    for (const t of has) if (!had.has(t)) events.push({ ...base(a, actorId), kind: "theme.tag", key: `theme.tag:${a.id}:${t}:${stamp}`, data: { quote, themeId: t } });
    for (const t of had) if (!has.has(t)) events.push({ ...base(a, actorId), kind: "theme.untag", key: `theme.untag:${a.id}:${t}:${stamp}`, data: { quote, themeId: t } });
  }
  for (const id of deleted) {
    const prev = before.get(id);
    if (prev) events.push({ ...base(prev, editorFor(prev.authorId, activity)), kind: "annotation.delete", key: `annotation.delete:${id}`, data: { quote: excerpt(prev.exact) } });
  }
  await recordActivities(tx, events);
  for (const e of edits) await recordNoteEdit(tx, e);
  // A mention notifies once per note (key): editing the note again does not repeat it.
  for (const a of noteChanged) {
    for (const userId of mentions.get(a.id) ?? []) {
      await notify(tx, {
        userId, workspaceId, documentId, annotationId: a.id, kind: "mention", actorId: editorFor(a.authorId, activity),
        key: `mention:${a.id}`, at,
        data: { quote: excerpt(a.exact), excerpt: excerpt(a.noteText) },
      });
    }
  }
}
