/**
 * The map bench's stand-in for components/map/map-session.ts (esbuild resolves MapView's
 * "./map-session" here; see scripts/bench/map.ts): the same surface over Y.Docs the bench page
 * has filled from the payload, no server. Remote changes reach those docs as the provider
 * delivers them: binary updates applied with the provider as origin.
 */
import type * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import { createUndoManager } from "../../../lib/collab/model";

export type MapConnection = "connected" | "syncing" | "offline" | "refused";

export interface MapUser {
  id: string;
  name: string;
  color: string;
}

export interface BenchDocs {
  meta: Y.Doc;
  documents: Map<string, Y.Doc>;
}

declare global {
  interface Window {
    __MAP_DOCS__?: BenchDocs;
  }
}

export class MapSession {
  readonly meta: { doc: Y.Doc; readOnly: () => boolean };
  readonly documents = new Map<string, { doc: Y.Doc }>();
  readonly undo: Y.UndoManager;
  readonly awareness: Awareness;
  state: MapConnection = "connected";

  private constructor(docs: BenchDocs, readonly user: MapUser) {
    this.meta = { doc: docs.meta, readOnly: () => false };
    for (const [id, doc] of docs.documents) this.documents.set(id, { doc });
    this.undo = createUndoManager(docs.meta, "meta");
    this.awareness = new Awareness(docs.meta);
    this.awareness.setLocalStateField("user", user);
  }

  static async open(_workspaceId: string, _documentIds: readonly string[], user: MapUser): Promise<MapSession> {
    const docs = window.__MAP_DOCS__;
    if (!docs) throw new Error("bench page: no docs");
    return new MapSession(docs, user);
  }

  subscribe = (_fn: () => void): (() => void) => () => {};

  getState = (): MapConnection => this.state;

  destroy(): void {
    this.undo.destroy();
    this.awareness.destroy();
  }
}
