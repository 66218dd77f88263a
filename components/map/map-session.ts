/**
 * The map page's connection to the collab server: one WebSocket (Hocuspocus multiplexing) for
 * the workspace doc — links, map nodes, positions, and the awareness that carries pointers,
 * selections and drags in progress — and each document's annotations doc, read for the
 * excerpts and themes of annotation nodes. Tokens come from GET /api/collab-token, fetched
 * again on every reconnect (they live five minutes).
 */
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { openCollabDoc, openCollabSocket, type CollabDocHandle } from "@/lib/collab/client/connect";
import type * as Y from "yjs";
import { annotationsDocName, createUndoManager, metaDocName } from "@/lib/collab/model";

export type MapConnection = "connected" | "syncing" | "offline" | "refused";

export interface MapUser {
  id: string;
  name: string;
  color: string;
}

async function fetchToken(): Promise<{ token: string; url: string }> {
  const res = await fetch("/api/collab-token", { cache: "no-store" });
  if (!res.ok) throw new Error(`collab token: ${res.status}`);
  return (await res.json()) as { token: string; url: string };
}

export class MapSession {
  readonly meta: CollabDocHandle;
  readonly documents = new Map<string, CollabDocHandle>();
  /** Undo of this client's own map edits only (lib/collab/model/undo.ts). */
  readonly undo: Y.UndoManager;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  state: MapConnection = "syncing";
  private refused = false;

  private constructor(url: string, workspaceId: string, documentIds: readonly string[], first: string, readonly user: MapUser) {
    let initial: string | null = first;
    const token = async () => {
      if (initial) {
        const t = initial;
        initial = null;
        return t;
      }
      return (await fetchToken()).token;
    };
    this.socket = openCollabSocket(url);
    const refuse = () => {
      this.refused = true;
      this.update();
    };
    this.meta = openCollabDoc({ name: metaDocName(workspaceId), token, socket: this.socket, onAuthenticationFailed: refuse });
    this.meta.provider.awareness?.setLocalStateField("user", user);
    this.undo = createUndoManager(this.meta.doc, "meta");
    for (const id of documentIds) this.documents.set(id, openCollabDoc({ name: annotationsDocName(workspaceId, id), token, socket: this.socket }));
    const onStatus = () => this.update();
    this.socket.on("status", onStatus);
    this.meta.provider.on("synced", onStatus);
    this.meta.provider.on("unsyncedChanges", onStatus);
    this.cleanups.push(() => {
      this.socket.off("status", onStatus);
      this.meta.provider.off("synced", onStatus);
      this.meta.provider.off("unsyncedChanges", onStatus);
    });
    void this.meta.ready.then(onStatus, onStatus);
  }

  static async open(workspaceId: string, documentIds: readonly string[], user: MapUser): Promise<MapSession> {
    const { token, url } = await fetchToken();
    return new MapSession(url, workspaceId, documentIds, token, user);
  }

  get awareness() {
    return this.meta.provider.awareness ?? null;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): MapConnection => this.state;

  private update(): void {
    const status = (this.socket as unknown as { status?: string }).status;
    const next: MapConnection = this.refused ? "refused" : status !== "connected" ? "offline" : this.meta.provider.isSynced && this.meta.settled() ? "connected" : "syncing";
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  destroy(): void {
    for (const c of this.cleanups.splice(0)) c();
    this.undo.destroy();
    for (const d of this.documents.values()) d.destroy();
    this.meta.destroy();
    this.socket.destroy();
  }
}
