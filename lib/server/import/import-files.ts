import { readFile } from "node:fs/promises";
import path from "node:path";
import { isAppError } from "../../core/errors";
import { actingMember } from "../workspaces/acting-member";
import { importDocumentOp } from "./import-document";

export interface ImportFileResult {
  file: string;
  documentId?: string;
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
      const r = await importDocumentOp.execute(actor, { workspaceId, fileName: path.basename(file), bytes });
      results.push({ file, documentId: r.id, title: r.title, blocks: r.blocks, warnings: r.warnings });
    } catch (e) {
      results.push({ file, error: isAppError(e) ? `${e.code}: ${e.message}` : String(e) });
    }
  }
  return results;
}
