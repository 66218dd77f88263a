/**
 * The review board of a workspace: every assignment with its assignee's progress (passages
 * annotated in the document or section, replies there, done), overdue ones first. Counts come
 * from the projection after catching it up with the append log, so the last seconds count too.
 */
import { z } from "zod";
import { assignmentProgress, type AssignmentState } from "../../core/review";
import { idSchema } from "../../core/validation";
import { catchUpProjection } from "../../collab/server/persistence/project-current";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";

export interface BoardItem {
  id: string;
  documentId: string;
  documentTitle: string;
  sectionTitle: string | null;
  /** Start of the section in the latest version, for opening it in the reader. */
  sectionStart: number | null;
  assignee: { id: string; name: string };
  createdBy: string | null;
  dueAt: string;
  note: string;
  doneAt: string | null;
  annotated: number;
  replies: number;
  state: AssignmentState;
}

const STATE_ORDER: Record<AssignmentState, number> = { overdue: 0, due_soon: 1, open: 2, done: 3 };

/** At most this many assignments are shown (the oldest open ones first): the board stays a page. */
export const BOARD_LIMIT = 500;

export const reviewBoardOp = defineOperation({
  name: "review.board",
  permission: { kind: "workspace", action: "workspace.read" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx): Promise<BoardItem[]> {
    await catchUpProjection(ctx.workspaceId);
    const rows = await prisma.reviewAssignment.findMany({
      where: { workspaceId: ctx.workspaceId, document: { deletedAt: null } },
      orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { dueAt: "asc" }, { id: "asc" }],
      take: BOARD_LIMIT,
      include: { document: { select: { title: true } }, assignee: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    });
    if (rows.length === 0) return [];
    const documentIds = [...new Set(rows.map((r) => r.documentId))];
    const assigneeIds = [...new Set(rows.map((r) => r.assigneeId))];
    // Only the assignees' own passages and replies are counted: two narrow indexed reads.
    const [annotations, replies] = await Promise.all([
      prisma.annotation.findMany({ where: { workspaceId: ctx.workspaceId, documentId: { in: documentIds } }, select: { id: true, documentId: true, versionId: true, start: true, end: true, authorId: true } }),
      prisma.reply.findMany({ where: { workspaceId: ctx.workspaceId, documentId: { in: documentIds }, authorId: { in: assigneeIds } }, select: { annotationId: true, authorId: true } }),
    ]);
    const items = rows.map((r): BoardItem => {
      const p = assignmentProgress(
        { documentId: r.documentId, assigneeId: r.assigneeId, dueAt: r.dueAt, doneAt: r.doneAt, section: r.versionId && r.sectionStart !== null && r.sectionEnd !== null ? { versionId: r.versionId, start: r.sectionStart, end: r.sectionEnd } : null },
        annotations,
        replies,
        ctx.now,
      );
      return {
        id: r.id, documentId: r.documentId, documentTitle: r.document.title, sectionTitle: r.sectionTitle, sectionStart: r.sectionStart,
        assignee: r.assignee, createdBy: r.createdBy?.name ?? null, dueAt: r.dueAt.toISOString(), note: r.note, doneAt: r.doneAt?.toISOString() ?? null,
        annotated: p.annotated, replies: p.replies, state: p.state,
      };
    });
    return items.sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  },
});
