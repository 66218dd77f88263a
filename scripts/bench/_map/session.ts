/**
 * The map bench's stand-in for lib/collab/client/react/use-map-session.ts (esbuild resolves
 * MapView's import of it here; see scripts/bench/map.ts): the same state over Y.Docs the bench
 * page has filled from the payload, no server. Remote changes reach those docs as the provider
 * delivers them: binary updates applied with the provider as origin.
 */
import { useState } from "react";
import type * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { createUndoManager } from "../../../lib/collab/model";
import type { MapSessionState } from "../../../lib/collab/client/react/use-map-session";
import { WorkspaceCommands } from "../../../lib/collab/client/commands/workspace-commands";

export interface BenchDocs {
  meta: Y.Doc;
  documents: Map<string, Y.Doc>;
}

declare global {
  interface Window {
    __MAP_DOCS__?: BenchDocs;
  }
}

function open(user: { id: string; name: string }): MapSessionState {
  const docs = window.__MAP_DOCS__;
  if (!docs) throw new Error("bench page: no docs");
  const awareness = new Awareness(docs.meta);
  awareness.setLocalStateField("user", { ...user, color: "#3b82d6" });
  return { open: true, status: "connected", meta: docs.meta, documents: docs.documents, undo: createUndoManager(docs.meta, "meta"), awareness, readOnly: false, commands: new WorkspaceCommands(docs.meta, user) };
}

export function useMapSession(_workspaceId: string, _documentIds: readonly string[], user: { id: string; name: string }): MapSessionState {
  const [state] = useState(() => open(user));
  return state;
}
