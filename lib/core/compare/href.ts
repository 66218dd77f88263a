import { serialiseViewState } from "./view-state";

/**
 * The link that opens documents in the compare view with an annotation in focus.
 * Every feature that points at a passage (matrix excerpts, map nodes, export
 * permalinks) builds it here so the URL format has one owner.
 */
export function compareHref(workspaceSlug: string, documentIds: string[], focus: string | null = null): string {
  const query = serialiseViewState({ documents: documentIds, positions: documentIds.map(() => 0), focus, sync: false });
  return `/w/${encodeURIComponent(workspaceSlug)}/compare${query ? (query.startsWith("?") ? query : `?${query}`) : ""}`;
}
