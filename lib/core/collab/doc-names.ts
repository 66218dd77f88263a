/**
 * Names of the collaborative documents (Y.Docs). The name is the unit Hocuspocus loads, stores
 * and authorises, so it carries the workspace and, for per-document Y.Docs, the source document:
 *
 * - `ws:<workspaceId>:doc:<documentId>`             annotations + notes (editors write, commenters read)
 * - `ws:<workspaceId>:doc:<documentId>:discussion`  threaded replies (commenters write too)
 * - `ws:<workspaceId>:meta`                         themes, links, map nodes and positions
 *
 * Anything else is refused: the collab server parses before it looks anything up.
 */

export type CollabDocKind = "annotations" | "discussion" | "meta";

export type CollabDocRef =
  | { kind: "annotations"; workspaceId: string; documentId: string }
  | { kind: "discussion"; workspaceId: string; documentId: string }
  | { kind: "meta"; workspaceId: string };

/** Ids are cuids (or test ids): short, URL-safe, never containing the `:` separator. */
const ID = "[A-Za-z0-9_-]{1,64}";
const PATTERN = new RegExp(`^ws:(${ID}):(?:doc:(${ID})(:discussion)?|(meta))$`);

/** Parses a document name; null for anything that is not exactly one of the three shapes. */
export function parseDocName(name: string): CollabDocRef | null {
  if (typeof name !== "string" || name.length > 200) return null;
  const m = PATTERN.exec(name);
  if (!m) return null;
  const [, workspaceId, documentId, discussion, meta] = m;
  if (!workspaceId) return null;
  if (meta) return { kind: "meta", workspaceId };
  if (!documentId) return null;
  return { kind: discussion ? "discussion" : "annotations", workspaceId, documentId };
}

/** The name of a document's annotations Y.Doc. */
export function annotationsDocName(workspaceId: string, documentId: string): string {
  return `ws:${workspaceId}:doc:${documentId}`;
}

/** The name of a document's discussion (replies) Y.Doc. */
export function discussionDocName(workspaceId: string, documentId: string): string {
  return `ws:${workspaceId}:doc:${documentId}:discussion`;
}

/** The name of a workspace's Y.Doc (themes, links, map). */
export function metaDocName(workspaceId: string): string {
  return `ws:${workspaceId}:meta`;
}

/** Formats a parsed reference back into its name. */
export function formatDocName(ref: CollabDocRef): string {
  if (ref.kind === "meta") return metaDocName(ref.workspaceId);
  return ref.kind === "discussion" ? discussionDocName(ref.workspaceId, ref.documentId) : annotationsDocName(ref.workspaceId, ref.documentId);
}
