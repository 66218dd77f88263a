/**
 * Review assignments: owners and editors (review.assign) ask members to review a document, or
 * one section of it by heading, by a date; the assignee is notified in the same transaction and
 * marks it done. Progress is computed on the board (review-board.ts), never stored.
 */
import { z } from "zod";
import { AppError } from "../../core/errors";
import { listSections, type Section } from "../../core/review";
import { sanitiseBlocks } from "../../core/reader";
import { idSchema } from "../../core/validation";
import { recordActivity } from "../activity/record-activity";
import { prisma } from "../../infra/db/client";
import { notify } from "../notifications/notify";
import { defineOperation } from "../ops/define";

/** The sections (by heading) of a document's latest version, and that version's id. */
export async function documentSections(workspaceId: string, documentId: string): Promise<{ title: string; versionId: string; sections: Section[] }> {
  const doc = await prisma.document.findFirst({
    where: { id: documentId, workspaceId, deletedAt: null },
    select: { title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true, blocks: true } } },
  });
  const v = doc?.versions[0];
  if (!doc || !v) throw new AppError("not_found", "document_not_found");
  return { title: doc.title, versionId: v.id, sections: listSections(v.text, sanitiseBlocks(v.blocks, v.text.length)) };
}

export const listSectionsOp = defineOperation({
  name: "review.sections",
  permission: { kind: "workspace", action: "document.read" },
  input: z.object({ workspaceId: idSchema, documentId: idSchema }),
  async run(ctx, input) {
    const { sections } = await documentSections(ctx.workspaceId, input.documentId);
    return sections.map((s) => ({ title: s.title, level: s.level, start: s.start }));
  },
});

/** A calendar date (`2026-05-12`) or a full ISO time; a bare date is due at its end (UTC). */
const dueSchema = z
  .string()
  .max(40)
  .transform((s, c) => {
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T23:59:59.999Z` : s);
    if (Number.isNaN(d.getTime())) {
      c.addIssue({ code: "custom", message: "assignment_due_invalid" });
      return z.NEVER;
    }
    return d;
  });

export const createAssignmentInput = z.object({
  workspaceId: idSchema,
  documentId: idSchema,
  assigneeIds: z.array(idSchema).min(1, "assignment_assignee_required").max(50),
  /** The start offset of the section's heading in the latest version; absent for the whole document. */
  sectionStart: z.number().int().min(0).nullable().optional(),
  due: dueSchema,
  note: z.string().max(1000).default(""),
});

export const createAssignmentOp = defineOperation({
  name: "review.assign",
  permission: { kind: "workspace", action: "review.assign" },
  input: createAssignmentInput,
  async run(ctx, input): Promise<{ ids: string[] }> {
    if (input.due.getTime() < ctx.now.getTime() - 86_400_000) throw new AppError("invalid_input", "assignment_due_past");
    const doc = await documentSections(ctx.workspaceId, input.documentId);
    let section: Section | null = null;
    if (input.sectionStart !== undefined && input.sectionStart !== null) {
      section = doc.sections.find((s) => s.start === input.sectionStart) ?? null;
      if (!section) throw new AppError("invalid_input", "assignment_section_unknown");
    }
    const assignees = [...new Set(input.assigneeIds)];
    const members = await prisma.membership.count({ where: { workspaceId: ctx.workspaceId, userId: { in: assignees } } });
    if (members !== assignees.length) throw new AppError("invalid_input", "assignment_not_member");
    const ids = await prisma.$transaction(async (tx) => {
      const out: string[] = [];
      for (const assigneeId of assignees) {
        const row = await tx.reviewAssignment.create({
          data: {
            workspaceId: ctx.workspaceId, documentId: input.documentId, assigneeId, createdById: ctx.actor.id, dueAt: input.due, note: input.note.trim(), createdAt: ctx.now,
            ...(section ? { sectionTitle: section.title, sectionStart: section.start, sectionEnd: section.end, versionId: doc.versionId } : {}),
          },
        });
        const data = { title: doc.title, section: section?.title ?? null, due: input.due.toISOString(), assigneeId };
        const activityId = await recordActivity(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: "assignment.create", documentId: input.documentId, targetType: "assignment", targetId: row.id, data, at: ctx.now });
        await notify(tx, { userId: assigneeId, workspaceId: ctx.workspaceId, kind: "assignment", actorId: ctx.actor.id, documentId: input.documentId, activityId, data, key: `assignment:${row.id}`, at: ctx.now });
        out.push(row.id);
      }
      return out;
    });
    return { ids };
  },
});

/** The assignee (and only they) marks an assignment done, or open again. */
export const markAssignmentDoneOp = defineOperation({
  name: "review.done",
  permission: { kind: "workspace", action: "workspace.read" },
  input: z.object({ workspaceId: idSchema, assignmentId: idSchema, done: z.boolean() }),
  async run(ctx, input): Promise<{ done: boolean }> {
    await prisma.$transaction(async (tx) => {
      const a = await tx.reviewAssignment.findFirst({ where: { id: input.assignmentId, workspaceId: ctx.workspaceId }, include: { document: { select: { title: true } } } });
      if (!a) throw new AppError("not_found", "assignment_not_found");
      if (a.assigneeId !== ctx.actor.id) throw new AppError("forbidden", "assignment_not_yours");
      if (!!a.doneAt === input.done) return;
      await tx.reviewAssignment.update({ where: { id: a.id }, data: { doneAt: input.done ? ctx.now : null } });
      await recordActivity(tx, {
        workspaceId: ctx.workspaceId, actorId: ctx.actor.id, kind: input.done ? "assignment.done" : "assignment.update", documentId: a.documentId,
        targetType: "assignment", targetId: a.id, data: { title: a.document.title, section: a.sectionTitle, done: input.done }, at: ctx.now,
      });
    });
    return { done: input.done };
  },
});
