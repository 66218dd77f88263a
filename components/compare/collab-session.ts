/**
 * The compare page's connection to the collab server: one WebSocket shared by every Y.Doc of
 * the page (Hocuspocus multiplexing), per open document its annotations and discussion docs
 * (each cached in IndexedDB so that reading and offline edits survive a lost connection or a
 * reload), and the workspace doc, used here only for presence (who is in the workspace, and
 * which documents they have open).
 *
 * Connection state for the UI: "offline" (no socket), "syncing" (connected, but a doc has not
 * finished its first sync or has local changes the server has not acknowledged), "connected".
 */
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { IndexeddbPersistence } from "y-indexeddb";
import { openCollabDoc, openCollabSocket, type CollabDocHandle } from "@/lib/collab/client/connect";
import { annotationsDocName, discussionDocName, metaDocName } from "@/lib/collab/model";

export type ConnectionState = "connected" | "syncing" | "offline" | "refused";

export interface PresenceUser {
  id: string;
  name: string;
  color: string;
}

export interface DocumentSession {
  annotations: CollabDocHandle;
  discussion: CollabDocHandle;
  /** Resolves when the annotations doc has its first server sync (or its IndexedDB copy, offline). */
  loaded: Promise<void>;
  destroy(): void;
}

/**
 * A short-lived token shared by every doc of the page: the one the page was rendered with while
 * fresh, then one fetched from /api/collab-token (one request however many docs reconnect at
 * once). Tokens live five minutes; a minute of margin keeps a reconnect from using a stale one.
 */
function tokenSource(initial: string): () => Promise<string> {
  let current: Promise<string> = Promise.resolve(initial);
  let issuedAt = Date.now();
  return () => {
    if (Date.now() - issuedAt > 4 * 60_000) {
      issuedAt = Date.now();
      current = fetch("/api/collab-token", { cache: "no-store" }).then(async (res) => {
        if (!res.ok) throw new Error(`collab token: ${res.status}`);
        return ((await res.json()) as { token: string }).token;
      });
      // A failed fetch must not be cached: the next attempt tries again.
      current.catch(() => {
        issuedAt = 0;
      });
    }
    return current;
  };
}

export class CollabSession {
  readonly socket: HocuspocusProviderWebsocket;
  readonly meta: CollabDocHandle;
  private readonly docs = new Map<string, DocumentSession>();
  private readonly listeners = new Set<() => void>();
  private readonly token: () => Promise<string>;
  private readonly cleanups: (() => void)[] = [];
  private refused = false;
  state: ConnectionState = "syncing";

  constructor(
    url: string,
    initialToken: string,
    private readonly workspaceId: string,
    readonly user: PresenceUser,
  ) {
    this.token = tokenSource(initialToken);
    this.socket = openCollabSocket(url);
    this.meta = openCollabDoc({ name: metaDocName(workspaceId), token: this.token, socket: this.socket, onAuthenticationFailed: () => this.refuse() });
    this.meta.provider.awareness?.setLocalStateField("user", user);
    this.watch(this.meta);
    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") this.forgetRemoteAwareness();
      this.update();
    };
    this.socket.on("status", onStatus);
    // Browsers know before the socket does when the network is gone; leave and come back cleanly.
    const offline = () => {
      void this.socket.disconnect();
      this.update();
    };
    const online = () => void this.socket.connect();
    window.addEventListener("offline", offline);
    window.addEventListener("online", online);
    this.cleanups.push(() => {
      this.socket.off("status", onStatus);
      window.removeEventListener("offline", offline);
      window.removeEventListener("online", online);
    });
    if (!navigator.onLine) offline();
  }

  /** Opens (or returns) the docs of `documentId`. */
  open(documentId: string): DocumentSession {
    const existing = this.docs.get(documentId);
    if (existing) return existing;
    const annotations = this.openDoc(annotationsDocName(this.workspaceId, documentId));
    const discussion = this.openDoc(discussionDocName(this.workspaceId, documentId));
    annotations.handle.provider.awareness?.setLocalStateField("user", this.user);
    // Online, the server's copy is the one to show; offline, the device's copy is all there is.
    // y-indexeddb has no error event: a copy that never loads must not hold the pane forever.
    const idbLoaded = Promise.race([annotations.idb.then((idb) => idb?.whenSynced), new Promise((r) => setTimeout(r, 3_000))]);
    const cached = idbLoaded.then(() => (navigator.onLine ? annotations.handle.ready : undefined));
    const loaded = Promise.race([annotations.handle.ready, cached]).then(() => undefined);
    const session: DocumentSession = {
      annotations: annotations.handle,
      discussion: discussion.handle,
      loaded,
      destroy: () => {
        annotations.destroy();
        discussion.destroy();
        this.docs.delete(documentId);
        this.publishOpen();
        this.update();
      },
    };
    this.docs.set(documentId, session);
    this.publishOpen();
    this.update();
    return session;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): ConnectionState => this.state;

  destroy(): void {
    for (const d of [...this.docs.values()]) d.destroy();
    for (const c of this.cleanups) c();
    this.meta.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }

  /** Workspace presence: the ids of the documents this tab shows. */
  private publishOpen(): void {
    this.meta.provider.awareness?.setLocalStateField("documents", [...this.docs.keys()].map((k) => k));
  }

  private openDoc(name: string) {
    const handle = openCollabDoc({ name, token: this.token, socket: this.socket, onAuthenticationFailed: () => this.refuse() });
    // Per user, so two accounts in one browser never see each other's cached copy.
    // Loaded on demand: not needed for the first paint, and kept out of the server bundle.
    let destroyed = false;
    const idb: Promise<IndexeddbPersistence | null> = import("y-indexeddb")
      .then(({ IndexeddbPersistence }) => (destroyed ? null : new IndexeddbPersistence(`synoptic:${this.user.id}:${name}`, handle.doc)))
      .catch(() => null); // private browsing without IndexedDB: live editing still works
    const unwatch = this.watch(handle);
    return {
      handle,
      idb,
      destroy: () => {
        destroyed = true;
        unwatch();
        handle.destroy();
        void idb.then((p) => p?.destroy());
      },
    };
  }

  private watch(handle: CollabDocHandle): () => void {
    const fn = () => this.update();
    handle.provider.on("synced", fn);
    handle.provider.on("unsyncedChanges", fn);
    return () => {
      handle.provider.off("synced", fn);
      handle.provider.off("unsyncedChanges", fn);
    };
  }

  /**
   * After a reconnect the server re-sends everyone's awareness, but y-protocols ignores a state
   * whose clock it has already seen, even though the provider dropped that state on disconnect:
   * others would stay invisible until they next changed something. Forgetting their clocks on
   * reconnect lets the re-sent states in (Hocuspocus sends them when the connection is set up).
   */
  private forgetRemoteAwareness(): void {
    const handles = [this.meta, ...[...this.docs.values()].flatMap((d) => [d.annotations, d.discussion])];
    for (const h of handles) {
      const aw = h.provider.awareness;
      if (!aw) continue;
      for (const id of [...aw.meta.keys()]) if (id !== aw.clientID && !aw.states.has(id)) aw.meta.delete(id);
      // The same holds the other way: others dropped our state when we left and would ignore it
      // at its old clock. Re-setting it bumps the clock, so the state sent on sync is taken.
      const own = aw.getLocalState();
      if (own) aw.setLocalState({ ...own });
    }
  }

  private refuse(): void {
    this.refused = true;
    this.update();
  }

  private update(): void {
    let next: ConnectionState;
    if (this.refused) next = "refused";
    else if (this.socket.status !== "connected" || !navigator.onLine) next = "offline";
    else {
      const handles = [this.meta, ...[...this.docs.values()].flatMap((d) => [d.annotations, d.discussion])];
      next = handles.every((h) => h.provider.synced && h.settled()) ? "connected" : "syncing";
    }
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
