/**
 * Searches a workspace's annotations in the relational projection, for the "link to…" picker
 * (#7): it offers passages of documents that are not open, whose Y.Docs the page never loads.
 * The projection lags the live documents by the collab server's store debounce; the picker
 * merges in what the browser holds live, so that lag only concerns documents that are not open.
 */
import { z } from "zod";
import { ANNOTATION_SEARCH, cutText, searchTerms, type AnnotationHit } from "../../core/argument/annotation-search";
import { idSchema } from "../../core/validation";
import { Prisma } from "../../generated/prisma/client";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";

export const searchAnnotationsInput = z.object({
  workspaceId: idSchema,
  /** Free text; empty lists the newest annotations. */
  query: z.string().max(ANNOTATION_SEARCH.queryMax).default(""),
  /** Only this document's annotations. */
  documentId: idSchema.optional(),
  /** Coerced: the route passes the query string's text. */
  limit: z.coerce.number().int().min(1).max(ANNOTATION_SEARCH.limitMax).default(ANNOTATION_SEARCH.limitDefault),
  /**
   * Instead of searching, these annotations (the far ends of links whose documents are not
   * open, so that their chips show the quote after a reload). Unknown ids are left out.
   */
  ids: z.array(idSchema).max(ANNOTATION_SEARCH.limitMax).optional(),
});

/**
 * Case- and width-insensitive containment, the same function on both sides: NFKC, then lower().
 * `strpos` (not LIKE) takes the term literally, so `%`, `_` and `\` in a query need no escaping,
 * and substring matching is what Japanese text (no spaces between words) needs. NFKC in
 * PostgreSQL needs a UTF-8 database: the embedded one is created so (db/embedded.ts); on a
 * server with another encoding the search fails, and the picker says so, rather than mismatch.
 */
const fold = (value: Prisma.Sql) => Prisma.sql`lower(normalize(${value}, NFKC))`;
const contains = (folded: Prisma.Sql, term: string) => Prisma.sql`strpos(${folded}, ${fold(Prisma.sql`${term}::text`)}) > 0`;

const FOLDED_EXACT = Prisma.sql`f."foldedExact"`;
const FOLDED_NOTE = Prisma.sql`f."foldedNote"`;
const FOLDED_TITLE = Prisma.sql`f."foldedTitle"`;

interface Row {
  id: string;
  documentId: string;
  documentTitle: string;
  text: string;
  authorName: string;
}

export async function searchAnnotations(workspaceId: string, input: { query: string; documentId?: string | undefined; limit: number; ids?: string[] | undefined }): Promise<AnnotationHit[]> {
  if (input.ids) return annotationsById(workspaceId, input.ids);
  const terms = searchTerms(input.query);
  // Each text is folded once per row, not once per term and column: `OFFSET 0` keeps the planner
  // from inlining the folds into every condition (normalize() dominates the cost of a search).
  // Titles are folded once per document. Without terms nothing is folded at all.
  const folds = terms.length
    ? Prisma.sql`, ${fold(Prisma.sql`a."exact"`)} AS "foldedExact", ${fold(Prisma.sql`a."noteText"`)} AS "foldedNote", d."foldedTitle"`
    : Prisma.empty;
  const titleFold = terms.length ? Prisma.sql`, ${fold(Prisma.sql`"title"`)} AS "foldedTitle"` : Prisma.empty;
  const documentFilter = input.documentId ? Prisma.sql`AND a."documentId" = ${input.documentId}` : Prisma.empty;
  // A term may occur in the quote, the note or the document's title (the picker shows the title).
  const termMatches = terms.map((t) => Prisma.sql`(${contains(FOLDED_EXACT, t)} OR ${contains(FOLDED_NOTE, t)} OR ${contains(FOLDED_TITLE, t)})`);
  const where = termMatches.length ? Prisma.sql`WHERE ${Prisma.join(termMatches, " AND ")}` : Prisma.empty;
  // Quotes that hold every term before hits found only in notes or titles; then the newest.
  const rank = terms.length ? Prisma.sql`(${Prisma.join(terms.map((t) => contains(FOLDED_EXACT, t)), " AND ")}) DESC,` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT f."id", f."documentId", f."documentTitle", left(f."exact", ${ANNOTATION_SEARCH.textMax + 1}::int) AS "text", f."authorName"
    FROM (
      SELECT a."id", a."documentId", d."title" AS "documentTitle", a."exact", a."authorName", a."createdAt" ${folds}
      FROM "Annotation" a
      -- Only this workspace's live documents: belt and braces on top of the annotation's own workspace.
      JOIN (SELECT "id", "title" ${titleFold} FROM "Document" WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL OFFSET 0) d ON d."id" = a."documentId"
      WHERE a."workspaceId" = ${workspaceId} ${documentFilter}
      OFFSET 0
    ) f
    ${where}
    ORDER BY ${rank} f."createdAt" DESC, f."id" DESC
    LIMIT ${input.limit}::int`;
  return rows.map((r) => ({ id: r.id, documentId: r.documentId, documentTitle: r.documentTitle, text: cutText(r.text), authorName: r.authorName }));
}

async function annotationsById(workspaceId: string, ids: string[]): Promise<AnnotationHit[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.annotation.findMany({
    where: { workspaceId, id: { in: ids }, document: { deletedAt: null } },
    select: { id: true, documentId: true, exact: true, authorName: true, document: { select: { title: true } } },
  });
  return rows.map((r) => ({ id: r.id, documentId: r.documentId, documentTitle: r.document.title, text: cutText(r.exact), authorName: r.authorName }));
}

export const searchAnnotationsOp = defineOperation({
  name: "annotations.search",
  permission: { kind: "workspace", action: "annotation.read" },
  input: searchAnnotationsInput,
  run: (ctx, input) => searchAnnotations(ctx.workspaceId, input),
});
