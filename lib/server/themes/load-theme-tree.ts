/**
 * A workspace's themes from the relational projection, in tree order (parents first, siblings by
 * position, then name): the one reading that the v1 API and the exports share. The projection
 * stores each theme's effective parent (cycles already broken), so this only orders.
 */
import { buildThemeTree } from "../../core/themes";
import { prisma } from "../../infra/db/client";

export async function loadThemeTree(workspaceId: string) {
  const rows = await prisma.theme.findMany({
    where: { workspaceId },
    select: { id: true, name: true, colour: true, description: true, parentId: true, position: true, createdAt: true, updatedAt: true },
  });
  return buildThemeTree(rows.map((r) => ({ ...r, parentId: r.parentId ?? undefined, order: r.position ?? undefined })));
}
