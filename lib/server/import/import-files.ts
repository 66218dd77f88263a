import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError, isAppError } from "../../core/errors";
import { prisma } from "../db/client";
import type { Actor } from "../ops/define";
import { uploadDocumentOp } from "./ocr/upload-document";

export interface ImportFileResult {
  file: string;
  documentId?: string;
  /** A scanned PDF: the OCR job that will create the document (run by `npm start`'s worker). */
  importJobId?: string;
  title?: string;
  blocks?: number;
  warnings?: string[];
  error?: string;
}

/**
 * Bulk import for the CLI: each file through the same operation as an upload, acting
 * as the workspace's first owner (or the member given by email). One failed file does
 * not stop the others, and never leaves half a document behind.
 */
export async function importFiles(input: { workspaceSlug: string; paths: string[]; asEmail?: string }): Promise<ImportFileResult[]> {
  const ws = await prisma.workspace.findUnique({ where: { slug: input.workspaceSlug }, select: { id: true } });
  if (!ws) throw new AppError("not_found", `No workspace with slug "${input.workspaceSlug}".`);
  const member = await prisma.membership.findFirst({
    where: { workspaceId: ws.id, ...(input.asEmail ? { user: { email: input.asEmail.toLowerCase() } } : { role: "owner" }) },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!member) throw new AppError("not_found", input.asEmail ? `${input.asEmail} is not a member of ${input.workspaceSlug}.` : "The workspace has no owner.");
  const actor: Actor = member.user;
  const results: ImportFileResult[] = [];
  for (const file of input.paths) {
    try {
      const bytes = new Uint8Array(await readFile(file));
      const r = await uploadDocumentOp.execute(actor, { workspaceId: ws.id, fileName: path.basename(file), bytes });
      if ("job" in r) results.push({ file, importJobId: r.job.id });
      else results.push({ file, documentId: r.id, title: r.title, blocks: r.blocks, warnings: r.warnings });
    } catch (e) {
      results.push({ file, error: isAppError(e) ? `${e.code}: ${e.message}` : String(e) });
    }
  }
  return results;
}
