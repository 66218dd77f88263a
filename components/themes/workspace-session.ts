/**
 * The analysis pages' connection to the collab server: one WebSocket (Hocuspocus
 * multiplexing) carrying the workspace doc and every document's annotations doc. The matrix
 * reads the Y.Docs directly rather than the relational projection: a tag reaches every open
 * matrix within one round trip (the projection only follows the debounced store), and the
 * work at 10,000 annotations is an incremental read of the changed entries plus a
 * recomputation of a few milliseconds (see lib/core/themes/matrix.ts and the themes bench).
 */
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { openCollabDoc, openCollabSocket, type CollabDocHandle } from "@/lib/collab/client/connect";
import { annotationsDocName, metaDocName } from "@/lib/collab/model";

export type SessionStatus = "connecting" | "live" | "offline";

/** The page's first token while fresh, then a new one from /api/collab-token on each (re)connect. */
function tokenSource(initial: string): () => Promise<string> {
  let first: string | null = initial;
  const issuedAt = Date.now();
  return async () => {
    if (first && Date.now() - issuedAt < 60_000) {
      const t = first;
      first = null;
      return t;
    }
    const res = await fetch("/api/collab-token", { cache: "no-store" });
    if (!res.ok) throw new Error(`collab token: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
}

export class ThemeWorkspaceSession {
  readonly socket: HocuspocusProviderWebsocket;
  readonly meta: CollabDocHandle;
  readonly docs = new Map<string, CollabDocHandle>();
  private readonly token: () => Promise<string>;
  private readonly listeners = new Set<() => void>();
  status: SessionStatus = "connecting";

  constructor(url: string, token: string, private readonly workspaceId: string, documentIds: readonly string[]) {
    this.token = tokenSource(token);
    this.socket = openCollabSocket(url);
    this.meta = openCollabDoc({ name: metaDocName(workspaceId), token: this.token, socket: this.socket });
    for (const id of documentIds) this.docs.set(id, openCollabDoc({ name: annotationsDocName(workspaceId, id), token: this.token, socket: this.socket }));
    const handles = [this.meta, ...this.docs.values()];
    void Promise.all(handles.map((h) => h.ready)).then(() => this.setStatus("live"), () => this.setStatus("offline"));
    this.socket.on("status", ({ status }: { status: string }) => {
      if (status === "disconnected") this.setStatus("offline");
      else if (status === "connected" && this.status === "offline") this.setStatus("live");
    });
  }

  /** The Y.Docs of the documents, by document id. */
  documentDocs(): Map<string, Y.Doc> {
    return new Map([...this.docs].map(([id, h]) => [id, h.doc]));
  }

  readOnly(): boolean {
    return this.meta.readOnly();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private setStatus(s: SessionStatus): void {
    this.status = s;
    for (const fn of this.listeners) fn();
  }

  destroy(): void {
    this.meta.destroy();
    for (const h of this.docs.values()) h.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }
}
