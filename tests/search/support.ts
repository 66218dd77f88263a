/** Documents for the search tests, imported as pasted text through the real operation. */
import { importPastedTextOp } from "../../lib/server/import/import-document";
import { prisma } from "../../lib/infra/db/client";
import type { Paper } from "../export/support";
import type { World } from "../support/factories";

export async function paste(world: World, title: string, text: string): Promise<Paper> {
  const r = await importPastedTextOp.execute(world.members.editor, { workspaceId: world.workspace.id, text, title });
  const v = await prisma.documentVersion.findFirstOrThrow({ where: { documentId: r.id }, orderBy: { number: "desc" }, select: { id: true, text: true } });
  return { id: r.id, versionId: v.id, text: v.text, title };
}
