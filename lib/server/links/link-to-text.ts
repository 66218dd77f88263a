/**
 * "Link to any text" (issue #13): link an existing annotation to a range of any document's
 * current text that nobody has annotated yet. The far-end annotation is created in the linker's
 * name with a full anchor (TextPosition + TextQuote with 32 code units of context, version), and
 * the link with it — one batch through the collab server's direct connections, so connected
 * clients see both at once and nothing is written unless every step passes: the source must be
 * a live annotation of its document's live Y.Doc (not merely projected), the range must be
 * sound text of the current version, and the link must pass createLink's rules.
 */
import { randomUUID } from "node:crypto";
import { annotationsDocName, buildAnchor, checkAnchor, metaDocName, type DirectBatch, type DirectOperation } from "../../core/collab";
import { DEFAULT_COLOUR } from "../../core/compare/colours";
import { AppError } from "../../core/errors";
import { assertCan } from "../../core/permissions";
import { linkToTextInputSchema, type LinkToTextResult } from "../../core/similar/schemas";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { sendCollabBatch } from "../collab/send-collab-operations";

/** The far end may not be longer than this (UTF-16 code units): a link points at a passage, not a chapter. */
export const LINK_TEXT_MAX = 4_000;

async function currentVersion(workspaceId: string, documentId: string): Promise<{ id: string; text: string }> {
  const v = await prisma.documentVersion.findFirst({
    where: { documentId, document: { workspaceId, deletedAt: null } },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
  if (!v) throw new AppError("not_found", "document_not_found");
  return v;
}

export const linkToTextOp = defineOperation({
  name: "links.toText",
  permission: { kind: "workspace", action: "link.manage" },
  input: linkToTextInputSchema,
  async run(ctx, input): Promise<LinkToTextResult> {
    // Creating the far end is an annotation of its own: both permissions, not just the link's.
    assertCan(ctx.role, "annotation.create");
    const { start, end } = input.to;
    if (end - start > LINK_TEXT_MAX) throw new AppError("invalid_input", "link_text_too_long", { details: { limit: LINK_TEXT_MAX } });
    // The source's document must be a live document of this workspace too (the batch checks the entry).
    await currentVersion(ctx.workspaceId, input.from.documentId);
    const version = await currentVersion(ctx.workspaceId, input.to.documentId);
    const anchor = buildAnchor(version.text, version.id, start, end);
    const problem = checkAnchor(version.text, anchor);
    // A range of nothing but whitespace is as empty as an empty one.
    if (problem || !anchor.exact.trim()) throw new AppError("invalid_input", problem === "range_splits_character" ? "range_splits_character" : "link_text_range_invalid");
    const annotationId = randomUUID();
    const linkId = randomUUID();
    const createAnnotation: DirectOperation = { op: "createAnnotation", input: { id: annotationId, anchor, colour: input.colour ?? DEFAULT_COLOUR } };
    const fromDoc = annotationsDocName(ctx.workspaceId, input.from.documentId);
    const toDoc = annotationsDocName(ctx.workspaceId, input.to.documentId);
    const requireSource: DirectOperation = { op: "requireAnnotation", id: input.from.annotationId };
    const steps: DirectBatch["steps"] =
      fromDoc === toDoc
        ? [{ documentName: toDoc, operations: [requireSource, createAnnotation] }]
        : [
            { documentName: fromDoc, operations: [requireSource] },
            { documentName: toDoc, operations: [createAnnotation] },
          ];
    steps.push({
      documentName: metaDocName(ctx.workspaceId),
      operations: [
        {
          op: "addLink",
          input: {
            id: linkId,
            from: { kind: "annotation", id: input.from.annotationId, documentId: input.from.documentId },
            to: { kind: "annotation", id: annotationId, documentId: input.to.documentId },
            kind: input.relation,
            ...(input.note ? { note: input.note } : {}),
          },
        },
      ],
    });
    await sendCollabBatch({ actor: { id: ctx.actor.id, name: ctx.actor.name }, steps });
    return { annotationId, linkId, anchor };
  },
});
