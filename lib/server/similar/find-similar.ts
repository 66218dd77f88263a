/**
 * "Similar passages" (issue #13): for a selected passage of a document's current version, or
 * for an annotation's quote, the most similar passages of the workspace's other documents.
 * Reads only the caller's workspace (its own index), so nothing of another workspace can show
 * through results, scores or timing.
 */
import { AppError } from "../../core/errors";
import { findSimilarInputSchema, similarPassages, SIMILAR_LIMITS, type FindSimilarResult } from "../../core/similar";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { workspaceIndex } from "./workspace-index";

interface Query {
  documentId: string;
  text: string;
  start: number;
  end: number;
}

/** The query passage: a range of the current version, or an annotation's quote and place. */
async function queryOf(workspaceId: string, input: { documentId?: string | undefined; start?: number | undefined; end?: number | undefined; annotationId?: string | undefined }, currentText: (documentId: string) => string | undefined): Promise<Query> {
  if (input.annotationId) {
    const a = await prisma.annotation.findFirst({
      where: { workspaceId, id: input.annotationId, document: { deletedAt: null } },
      select: { documentId: true, start: true, end: true, exact: true },
    });
    if (!a) throw new AppError("not_found", "annotation_not_found");
    return { documentId: a.documentId, text: a.exact, start: a.start, end: a.end };
  }
  const documentId = input.documentId!;
  const text = currentText(documentId);
  if (text === undefined) throw new AppError("not_found", "document_not_found");
  const { start, end } = input as { start: number; end: number };
  if (end > text.length) throw new AppError("invalid_input", "similar_range_invalid", { details: { field: "end" } });
  return { documentId, text: text.slice(start, end), start, end };
}

export const findSimilarPassagesOp = defineOperation({
  name: "similar.find",
  permission: { kind: "workspace", action: "document.read" },
  input: findSimilarInputSchema,
  async run(ctx, input): Promise<FindSimilarResult> {
    const { index, titles } = await workspaceIndex(ctx.workspaceId);
    const texts = new Map(index.documents.map((d) => [d.documentId, d.text]));
    const q = await queryOf(ctx.workspaceId, input, (id) => texts.get(id));
    const truncated = q.text.length > SIMILAR_LIMITS.queryMax;
    const passages = similarPassages(index, q.text, q.documentId, (id) => titles.get(id) ?? "", input.limit)
      // A document deleted since the index was built is left out (the key catches it next time).
      .filter((p) => titles.has(p.documentId));
    return { query: { documentId: q.documentId, start: q.start, end: truncated ? q.start + SIMILAR_LIMITS.queryMax : q.end, truncated }, passages };
  },
});
