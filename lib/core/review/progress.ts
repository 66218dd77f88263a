/**
 * An assignee's progress on one assignment, from the projection's annotations and replies:
 * passages they annotated in the document (or its section), replies they wrote on that
 * document's annotations, and whether they marked it done. Time is passed in.
 */
import { inSection } from "./sections";

export interface AssignmentFacts {
  documentId: string;
  assigneeId: string;
  /** The section's span in `versionId`'s text; null for the whole document. */
  section: { versionId: string; start: number; end: number } | null;
  dueAt: Date;
  doneAt: Date | null;
}

export interface AnnotationFacts {
  id: string;
  documentId: string;
  versionId: string;
  start: number;
  end: number;
  authorId: string;
}

export interface ReplyFacts {
  annotationId: string;
  authorId: string;
}

export type AssignmentState = "done" | "overdue" | "due_soon" | "open";

export interface AssignmentProgress {
  annotated: number;
  replies: number;
  state: AssignmentState;
}

/** Within this long of the due date an open assignment is "due soon". */
export const DUE_SOON_MS = 48 * 3600_000;

/** The state of an assignment at `now`: done wins, then overdue, due soon, open. */
export function assignmentState(a: Pick<AssignmentFacts, "dueAt" | "doneAt">, now: Date): AssignmentState {
  if (a.doneAt) return "done";
  const left = a.dueAt.getTime() - now.getTime();
  if (left < 0) return "overdue";
  return left <= DUE_SOON_MS ? "due_soon" : "open";
}

/**
 * Counts for one assignment. A section is a span of one version: annotations on another version
 * of the document cannot be placed in it and are not counted (the whole-document count has them).
 */
export function assignmentProgress(a: AssignmentFacts, annotations: readonly AnnotationFacts[], replies: readonly ReplyFacts[], now: Date): AssignmentProgress {
  const scoped = annotations.filter((x) => {
    if (x.documentId !== a.documentId) return false;
    if (!a.section) return true;
    return x.versionId === a.section.versionId && inSection(a.section, x.start, x.end);
  });
  const scopedIds = new Set(scoped.map((x) => x.id));
  return {
    annotated: scoped.filter((x) => x.authorId === a.assigneeId).length,
    replies: replies.filter((r) => r.authorId === a.assigneeId && scopedIds.has(r.annotationId)).length,
    state: assignmentState(a, now),
  };
}
