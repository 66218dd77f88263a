import * as Y from "yjs";
import { localOriginOf, MAPS } from "./structure";

/**
 * An UndoManager for the local user's edits of `doc`: it tracks only the library's local
 * origin, so undo never reverts what another user did. Covers every top-level map the doc
 * kind uses (a missing map is created empty, which changes nothing in the stored state).
 * Edits within `captureTimeout` ms merge into one undo step.
 */
export function createUndoManager(doc: Y.Doc, kind: "annotations" | "discussion" | "meta", captureTimeout = 500): Y.UndoManager {
  const names =
    kind === "annotations" ? [MAPS.annotations, MAPS.notes] : kind === "discussion" ? [MAPS.replies] : [MAPS.themes, MAPS.links, MAPS.nodes, MAPS.positions];
  const scope = names.map((n) => doc.getMap(n));
  return new Y.UndoManager(scope, { trackedOrigins: new Set([localOriginOf(doc)]), captureTimeout });
}
