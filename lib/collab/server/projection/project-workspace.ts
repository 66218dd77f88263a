/** Projects the workspace Y.Doc into Theme and Link (map nodes and positions stay in Yjs). */
import { themeEntrySchema, type ThemeEntry } from "../../../core/collab";
import { buildThemeTree } from "../../../core/themes";
import type { Prisma } from "../../../generated/prisma/client";
import { schemaFlag, type Flag } from "./flags";
import { mapNodeEntrySchema } from "../../../core/collab";
import { activityEnabled, type ProjectionActivity } from "./activity-options";
import { recordNodeActivity, type NodeState } from "./map-activity";
import { projectLinks } from "./project-links";
import type { DocSnapshot } from "./snapshot";

export async function projectWorkspace(
  tx: Prisma.TransactionClient,
  ref: { workspaceId: string },
  snapshot: Extract<DocSnapshot, { kind: "meta" }>,
  activity?: ProjectionActivity,
): Promise<{ stored: number; flags: Flag[] }> {
  const flags: Flag[] = [];
  const themes: ThemeEntry[] = [];
  for (const [key, value] of snapshot.themes) {
    const parsed = themeEntrySchema.safeParse(value);
    if (!parsed.success) flags.push(schemaFlag("theme", key, parsed.error));
    else if (parsed.data.id !== key) flags.push({ entryKind: "theme", entryId: key, reason: "id_mismatch" });
    // Deleted and merged themes (a merge deletes its source) get no row: every reader of Theme
    // takes a row for a theme one can tag with. Views resolve a merged theme's old tags from
    // the Y.Doc, which keeps the entry (lib/server/themes/load-analysis.ts).
    else if (!parsed.data.deleted) themes.push(parsed.data);
  }
  // The hierarchy exactly as every view shows it: buildThemeTree takes only parents that are live
  // themes of this list (so a child still naming a merged or deleted theme becomes a root, as
  // it does on screen) and breaks a cycle from concurrent moves at the same theme on every
  // client. Its rows come parents first, which the self-referencing key needs when Prisma
  // splits a large insert into several statements.
  const tree = buildThemeTree(themes);
  const { workspaceId } = ref;
  await tx.theme.deleteMany({ where: { workspaceId } });
  if (tree.length) {
    await tx.theme.createMany({
      data: tree.map(({ theme: t, parentId }) => ({
        workspaceId,
        id: t.id,
        name: t.name,
        colour: t.colour,
        description: t.description ?? "",
        parentId: parentId ?? null,
        position: t.order ?? null,
        createdAt: new Date(t.createdAt),
        updatedAt: new Date(t.updatedAt),
      })),
    });
  }
  // Links (issue #7): validated against the annotation projection, see project-links.ts.
  const links = await projectLinks(tx, workspaceId, { links: snapshot.links, nodes: snapshot.nodes }, activity);
  flags.push(...links.flags);
  if (activity && activityEnabled()) {
    const nodes: NodeState[] = [];
    for (const [key, value] of snapshot.nodes) {
      const p = mapNodeEntrySchema.safeParse(value);
      if (p.success && p.data.id === key && !p.data.deleted) nodes.push({ id: key, kind: p.data.kind, authorId: p.data.author.id, label: p.data.label, annotationId: p.data.annotationId });
    }
    await recordNodeActivity(tx, workspaceId, nodes, activity);
  }
  return { stored: themes.length + links.stored, flags };
}
