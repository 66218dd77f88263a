/** Projects the workspace Y.Doc into Theme and Link (map nodes and positions stay in Yjs). */
import { themeEntrySchema, type ThemeEntry } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { schemaFlag, type Flag } from "./flags";
import { projectLinks } from "./project-links";
import type { DocSnapshot } from "./snapshot";

export async function projectWorkspace(
  tx: Prisma.TransactionClient,
  ref: { workspaceId: string },
  snapshot: Extract<DocSnapshot, { kind: "meta" }>,
): Promise<{ stored: number; flags: Flag[] }> {
  const flags: Flag[] = [];
  const themes: ThemeEntry[] = [];
  for (const [key, value] of snapshot.themes) {
    const parsed = themeEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("theme", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "theme", entryId: key, reason: "id_mismatch" });
    else if (!parsed.data.deleted) themes.push(parsed.data);
  }
  const { workspaceId } = ref;
  await tx.theme.deleteMany({ where: { workspaceId } });
  if (themes.length) {
    await tx.theme.createMany({
      data: themes.map((t) => ({ workspaceId, id: t.id, name: t.name, colour: t.colour, description: t.description ?? "", createdAt: new Date(t.createdAt), updatedAt: new Date(t.updatedAt) })),
    });
  }
  // Links (issue #7): validated against the annotation projection, see project-links.ts.
  const links = await projectLinks(tx, workspaceId, { links: snapshot.links, nodes: snapshot.nodes });
  flags.push(...links.flags);
  return { stored: themes.length + links.stored, flags };
}
