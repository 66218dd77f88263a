/**
 * `npm run import -- FILE.qdpx|FILE.qdc --workspace SLUG`: imports REFI-QDA files as the
 * workspace's first owner. The writes need a collab server: the running one of `npm start` when
 * it answers (so live clients see the import), else one started in this process for the run
 * (nobody else holds the workspace's documents then, and it stores everything before it stops).
 */
import { readFile } from "node:fs/promises";
import { isAppError } from "../../../core/errors";
import { createCollabServer, type CollabServer } from "../../../collab/server";
import { collabHealth } from "../../collab/collab-health";
import { actingMember } from "../../workspaces/acting-member";
import { importQdaOp, type QdaImportResult } from "./import-ops";

export const isQdaFile = (file: string) => /\.(qdpx|qdc)$/i.test(file);

export interface QdaFileResult {
  file: string;
  result?: QdaImportResult;
  error?: string;
  details?: unknown;
}

export async function importQdaFiles(input: { workspaceSlug: string; paths: string[] }): Promise<QdaFileResult[]> {
  const { workspaceId, actor } = await actingMember(input.workspaceSlug);
  let own: CollabServer | null = null;
  if ((await collabHealth()).status !== "ok") {
    own = await createCollabServer({ port: 0, host: "127.0.0.1", debounceMs: 50, maxDebounceMs: 300, redis: null });
    process.env.COLLAB_INTERNAL_URL = `http://127.0.0.1:${own.port}`;
  }
  const results: QdaFileResult[] = [];
  try {
    for (const file of input.paths) {
      try {
        const result = await importQdaOp.execute(actor, { workspaceId, bytes: new Uint8Array(await readFile(file)) });
        results.push({ file, result });
      } catch (e) {
        results.push({ file, error: isAppError(e) ? `${e.code}: ${e.message}` : String(e), ...(isAppError(e) && e.details ? { details: e.details } : {}) });
      }
    }
  } finally {
    await own?.shutdown({ drainMs: 0 });
  }
  return results;
}
