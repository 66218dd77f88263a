import { readFile } from "node:fs/promises";
import path from "node:path";
import { isAppError } from "../../core/errors";
import { actingMember } from "../workspaces/acting-member";
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
  const { workspaceId, actor } = await actingMember(input.workspaceSlug, input.asEmail);
  const results: ImportFileResult[] = [];
  for (const file of input.paths) {
    try {
      const bytes = new Uint8Array(await readFile(file));
      const r = await uploadDocumentOp.execute(actor, { workspaceId, fileName: path.basename(file), bytes });
      if ("job" in r) results.push({ file, importJobId: r.job.id });
      else results.push({ file, documentId: r.id, title: r.title, blocks: r.blocks, warnings: r.warnings });
    } catch (e) {
      results.push({ file, error: isAppError(e) ? `${e.code}: ${e.message}` : String(e) });
    }
  }
  return results;
}
