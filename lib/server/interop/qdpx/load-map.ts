/**
 * What the workspace Y.Doc holds that the projection does not: map nodes with their positions,
 * and where merged themes went (so a tag that still names a merged theme is exported under the
 * theme it was merged into).
 */
import { mapNodeEntrySchema, metaDocName, positionSchema, themeEntrySchema, type MapNodeEntry, type MapPosition } from "../../../core/collab";
import { nodesMap, positionsMap, themesMap } from "../../../collab/model/structure";
import { loadCurrentDoc } from "../../../collab/server/persistence/project-current";

export interface WorkspaceMap {
  nodes: MapNodeEntry[];
  positions: Map<string, MapPosition>;
  /** Theme id → the live theme it resolves to (itself when live), through merge chains. */
  resolveTheme: (id: string) => string | null;
}

export async function loadWorkspaceMap(workspaceId: string, liveThemeIds: ReadonlySet<string>): Promise<WorkspaceMap> {
  const doc = await loadCurrentDoc(metaDocName(workspaceId));
  try {
    const nodes: MapNodeEntry[] = [];
    for (const value of nodesMap(doc).values()) {
      const parsed = mapNodeEntrySchema.safeParse(value);
      if (parsed.success && !parsed.data.deleted) nodes.push(parsed.data);
    }
    const positions = new Map<string, MapPosition>();
    for (const [key, value] of positionsMap(doc).entries()) {
      const parsed = positionSchema.safeParse(value);
      if (parsed.success) positions.set(key, parsed.data);
    }
    const mergedInto = new Map<string, string>();
    for (const value of themesMap(doc).values()) {
      const parsed = themeEntrySchema.safeParse(value);
      if (parsed.success && parsed.data.mergedInto) mergedInto.set(parsed.data.id, parsed.data.mergedInto);
    }
    const resolveTheme = (id: string): string | null => {
      let at = id;
      // Bounded walk: a merge cycle written by two offline clients ends here instead of looping.
      for (let hops = 0; hops < 64; hops++) {
        if (liveThemeIds.has(at)) return at;
        const next = mergedInto.get(at);
        if (!next) return null;
        at = next;
      }
      return null;
    };
    return { nodes, positions, resolveTheme };
  } finally {
    doc.destroy();
  }
}
