/** Projects the workspace Y.Doc into Theme and Link (map nodes and positions stay in Yjs). */
import { linkEntrySchema, themeEntrySchema, type LinkEntry, type ThemeEntry } from "../../../core/collab";
import type { Prisma } from "../../../generated/prisma/client";
import { schemaFlag, type Flag } from "./flags";
import type { DocSnapshot } from "./snapshot";

export async function projectWorkspace(
  tx: Prisma.TransactionClient,
  ref: { workspaceId: string },
  snapshot: Extract<DocSnapshot, { kind: "meta" }>,
): Promise<{ stored: number; flags: Flag[] }> {
  const flags: Flag[] = [];
  const themes: ThemeEntry[] = [];
  const links: LinkEntry[] = [];
  for (const [key, value] of snapshot.themes) {
    const parsed = themeEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("theme", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "theme", entryId: key, reason: "id_mismatch" });
    else if (!parsed.data.deleted) themes.push(parsed.data);
  }
  for (const [key, value] of snapshot.links) {
    const parsed = linkEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("link", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "link", entryId: key, reason: "id_mismatch" });
    else if (parsed.data.from.id === parsed.data.to.id) flags.push({ entryKind: "link", entryId: key, reason: "link_to_itself" });
    else if (!parsed.data.deleted) links.push(parsed.data);
  }
  const { workspaceId } = ref;
  await tx.theme.deleteMany({ where: { workspaceId } });
  await tx.link.deleteMany({ where: { workspaceId } });
  if (themes.length) {
    await tx.theme.createMany({
      data: themes.map((t) => ({ workspaceId, id: t.id, name: t.name, colour: t.colour, description: t.description ?? "", createdAt: new Date(t.createdAt), updatedAt: new Date(t.updatedAt) })),
    });
  }
  if (links.length) {
    await tx.link.createMany({
      data: links.map((l) => ({
        workspaceId,
        id: l.id,
        fromKind: l.from.kind,
        fromId: l.from.id,
        toKind: l.to.kind,
        toId: l.to.id,
        kind: l.kind,
        label: l.label ?? "",
        authorId: l.author.id,
        createdAt: new Date(l.createdAt),
      })),
    });
  }
  return { stored: themes.length + links.length, flags };
}
