/**
 * Every change a page makes to the workspace doc (themes, links, the argument map), with the
 * actor and the clock given once. Components call these; only the collab model writes Y.Docs.
 */
import type * as Y from "yjs";
import {
  addFreeNode,
  createLink,
  deleteTheme,
  listThemes,
  mergeThemes,
  moveTheme,
  placeAnnotation,
  removeFromMap,
  removeLink,
  removeLinksOf,
  restoreTheme,
  setPositions,
  upsertTheme,
  type CollabActor,
  type ThemeEntry,
} from "@/lib/collab/model";
import type { CreateLinkInput, DeletedTheme, FreeNodeInput, ThemeInput } from "@/lib/collab/model";
import type { MapPosition } from "@/lib/core/collab";
import type { EndpointCatalog } from "@/lib/core/argument/validate-link";
import { nextThemeColour } from "@/lib/core/themes";
import type { Clock } from "./clock";
import { toggleThemeOnTargets, type TagTarget } from "./tagging";

export class WorkspaceCommands {
  constructor(
    /** The workspace doc (`ws:<id>:meta`). */
    readonly meta: Y.Doc,
    private readonly actor: CollabActor,
    private readonly now: Clock = () => new Date(),
  ) {}

  // ── themes ──
  upsertTheme(input: ThemeInput): ThemeEntry {
    return upsertTheme(this.meta, input, this.now());
  }

  /** A new top-level theme in the next free palette colour (the pickers' "create"). */
  createThemeNamed(name: string): ThemeEntry {
    return upsertTheme(this.meta, { name, colour: nextThemeColour(listThemes(this.meta).map((t) => t.colour)) }, this.now());
  }

  moveTheme(id: string, to: { parentId: string | null; order?: number }): ThemeEntry {
    return moveTheme(this.meta, id, to, this.now());
  }

  deleteTheme(id: string): DeletedTheme {
    return deleteTheme(this.meta, id, this.now());
  }

  restoreTheme(deleted: DeletedTheme): ThemeEntry {
    return restoreTheme(this.meta, deleted, this.now());
  }

  mergeThemes(sourceId: string, targetId: string): ThemeEntry {
    return mergeThemes(this.meta, sourceId, targetId, this.now());
  }

  /** Toggles a theme on annotations of several documents: removed when all carry it, else added to all. */
  toggleTheme(targets: readonly TagTarget[], themeId: string): { added: boolean; count: number } {
    return toggleThemeOnTargets(this.meta, targets, themeId, this.now());
  }

  liveThemes(): ThemeEntry[] {
    return listThemes(this.meta);
  }

  // ── links ──
  link(input: CreateLinkInput, catalog: EndpointCatalog) {
    return createLink(this.meta, input, catalog, this.actor, this.now());
  }

  unlink(id: string): void {
    removeLink(this.meta, id);
  }

  /** Removes every link of a deleted annotation or node; returns how many. */
  unlinkAll(endpointId: string): number {
    return removeLinksOf(this.meta, endpointId);
  }

  // ── argument map ──
  addNode(input: FreeNodeInput) {
    return addFreeNode(this.meta, input, this.actor, this.now());
  }

  place(annotationId: string, position: MapPosition) {
    return placeAnnotation(this.meta, annotationId, position, this.actor, this.now());
  }

  removeFromMap(graphId: string) {
    return removeFromMap(this.meta, graphId);
  }

  setPositions(positions: Readonly<Record<string, MapPosition>>): void {
    setPositions(this.meta, positions);
  }
}
