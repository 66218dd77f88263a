import * as Y from "yjs";
import { prisma } from "../../../infra/db/client";
import { logger } from "../../../infra/log";

const log = logger("collab.persistence");

/**
 * Applies the stored state of `name` and then every logged update not yet compacted into it
 * (Yjs updates are idempotent, so a row already contained in the state does no harm). An
 * unreadable log row is skipped and logged rather than blocking the document forever.
 * Returns the ids of the log rows applied and the hash of the stored state ("" when none).
 */
export async function loadStoredState(name: string, doc: Y.Doc, origin: unknown = null): Promise<{ ids: bigint[]; stateHash: string }> {
  const stored = await prisma.collabDocument.findUnique({ where: { name }, select: { state: true, stateHash: true } });
  if (stored && stored.state.length > 0) Y.applyUpdate(doc, stored.state, origin);
  const rows = await prisma.collabUpdate.findMany({ where: { name }, orderBy: { id: "asc" }, select: { id: true, update: true } });
  const applied: bigint[] = [];
  for (const row of rows) {
    try {
      Y.applyUpdate(doc, row.update, origin);
      applied.push(row.id);
    } catch (err) {
      log.error({ err, documentName: name, updateId: String(row.id) }, "skipped an unreadable logged update");
    }
  }
  return { ids: applied, stateHash: stored?.stateHash ?? "" };
}
