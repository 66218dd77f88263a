import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { idSchema } from "../../core/validation";
import { annotationsDocName, entryIdSchema, metaDocName } from "../../core/collab";
import { sendCollabOperations } from "../collab/send-collab-operations";
import { logger } from "../../infra/log";

const log = logger("themes");

/**
 * Merges theme `sourceId` into `targetId` (ATLAS.ti / Taguette "merge codes").
 *
 * Why on the server, through the collab server's direct writes, and not in the browser: the
 * annotations live in one Y.Doc per document, and a merge must reach every one of them —
 * including documents nobody has open, whose docs a browser would have to download first. The
 * collab server applies each retag to the live doc (connected clients see it at once), re-checks
 * the actor's role per document, and stores it immediately.
 *
 * Order keeps the shared state consistent at every step: first the workspace doc marks the
 * source `mergedInto` the target (every view then counts the source's annotations under the
 * target, and nobody can tag with the source any more); then each document's annotations are
 * retagged. If that is interrupted, the alias still holds and running the merge again (or the
 * retag alone) is idempotent.
 */
export const mergeThemesOp = defineOperation({
  name: "themes.merge",
  permission: { kind: "workspace", action: "theme.manage" },
  input: z.object({ workspaceId: idSchema, sourceId: entryIdSchema, targetId: entryIdSchema }),
  async run(ctx, input): Promise<{ retagged: number; documents: number }> {
    const actor = { id: ctx.actor.id, name: ctx.actor.name.slice(0, 120) || "user" };
    await sendCollabOperations({ documentName: metaDocName(ctx.workspaceId), actor, operations: [{ op: "mergeThemes", sourceId: input.sourceId, targetId: input.targetId }] });
    return retagEverywhere(ctx.workspaceId, actor, input.sourceId, input.targetId);
  },
});

/** Retags `fromId` → `toId` in every document doc that has stored annotations (4 at a time). */
export async function retagEverywhere(workspaceId: string, actor: { id: string; name: string }, fromId: string, toId: string): Promise<{ retagged: number; documents: number }> {
  const docs = await prisma.document.findMany({ where: { workspaceId, deletedAt: null }, select: { id: true } });
  const names = docs.map((d) => annotationsDocName(workspaceId, d.id));
  // A document whose doc was never stored has no annotations: do not create one for it.
  const stored = new Set((await prisma.collabDocument.findMany({ where: { name: { in: names } }, select: { name: true } })).map((r) => r.name));
  const withLog = new Set((await prisma.collabUpdate.findMany({ where: { name: { in: names } }, distinct: ["name"], select: { name: true } })).map((r) => r.name));
  const queue = names.filter((n) => stored.has(n) || withLog.has(n));
  let retagged = 0;
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const { ids } = await sendCollabOperations({ documentName: name, actor, operations: [{ op: "retagAnnotations", fromThemeId: fromId, toThemeId: toId }] });
      retagged += Number(ids[0] ?? 0);
    }
  };
  const total = queue.length;
  await Promise.all(Array.from({ length: Math.min(4, total) }, worker));
  log.info({ workspaceId, fromId, toId, documents: total, retagged }, "merged themes");
  return { retagged, documents: total };
}
