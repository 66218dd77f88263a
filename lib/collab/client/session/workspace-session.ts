/**
 * A page's connection to the collab server, the same for every page (compare view, map, themes,
 * matrix): one WebSocket shared by every Y.Doc of the page (Hocuspocus multiplexing), the
 * workspace doc (themes, links, map, presence), and per open document its annotations doc (and,
 * where notes and replies are shown, its discussion doc), each kept in IndexedDB so that reading
 * and offline edits survive a lost connection or a reload.
 *
 * Status for the UI: "offline" (no socket), "syncing" (connected, but a doc has not finished
 * its first sync or has local changes the server has not acknowledged), "connected", or
 * "refused" (the server turned the token down).
 */
import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Awareness } from "y-protocols/awareness";
import { annotationsDocName, discussionDocName, metaDocName } from "@/lib/collab/model";
import { openCollabDoc, openCollabSocket, type CollabDocHandle } from "../connect";
import type { Snapshot } from "../snapshot";
import { forgetRemoteAwareness } from "./awareness-reconnect";
import { openOfflineCopy } from "./offline-copy";
import { collabTokenSource } from "./token-source";

export type ConnectionStatus = "connected" | "syncing" | "offline" | "refused";

export interface SessionUser {
  id: string;
  name: string;
  color: string;
}

export interface SessionOptions {
  url: string;
  /** The token the page was rendered with (or just fetched). */
  token: string;
  /** Where fresh tokens come from (a share link's guest page); default /api/collab-token. */
  refreshUrl?: string;
  workspaceId: string;
  /** Shown to the others in the workspace doc's awareness; also keys the device's offline copies. */
  user: SessionUser;
}

export interface DocumentSession {
  annotations: CollabDocHandle;
  /** Notes and replies, opened on first use (the map and the matrix never need them). */
  readonly discussion: CollabDocHandle;
  /** Resolves when the annotations doc has its first server sync (or its IndexedDB copy, offline). */
  loaded: Promise<void>;
  destroy(): void;
}

export interface OpenOptions {
  /** Tell the others that this tab shows the document (workspace presence, remote selections). */
  presence?: boolean;
}

/** A doc of one document, with its device copy. */
interface CachedHandle {
  handle: CollabDocHandle;
  /** Resolves when the device copy is loaded (or gave up). */
  copy: Promise<void>;
  destroy(): void;
}

export class WorkspaceSession implements Snapshot<ConnectionStatus> {
  readonly socket: HocuspocusProviderWebsocket;
  readonly meta: CollabDocHandle;
  readonly user: SessionUser;
  private readonly docs = new Map<string, DocumentSession & { presence: boolean; opened(): CollabDocHandle[] }>();
  private readonly listeners = new Set<() => void>();
  private readonly token: () => Promise<string>;
  private readonly cleanups: (() => void)[] = [];
  private readonly workspaceId: string;
  private refused = false;
  private status: ConnectionStatus = "syncing";

  constructor(opts: SessionOptions) {
    this.workspaceId = opts.workspaceId;
    this.user = opts.user;
    this.token = collabTokenSource(opts.token, undefined, opts.refreshUrl);
    this.socket = openCollabSocket(opts.url);
    const meta = this.handle(metaDocName(opts.workspaceId));
    this.meta = meta.handle;
    this.cleanups.push(meta.unwatch);
    this.meta.provider.awareness?.setLocalStateField("user", opts.user);
    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") for (const aw of this.awarenesses()) forgetRemoteAwareness(aw);
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

  /** Who the page's commands stamp as author. */
  get actor(): { id: string; name: string } {
    return { id: this.user.id, name: this.user.name };
  }

  /** The workspace doc's awareness: who is in the workspace, and what they point at. */
  get awareness(): Awareness | null {
    return this.meta.provider.awareness ?? null;
  }

  /** True when the server made this connection read-only (a viewer). */
  readOnly(): boolean {
    return this.meta.readOnly();
  }

  /** Opens (or returns) the docs of `documentId`. */
  open(documentId: string, opts: OpenOptions = {}): DocumentSession {
    const existing = this.docs.get(documentId);
    if (existing) return existing;
    const annotations = this.cachedHandle(annotationsDocName(this.workspaceId, documentId));
    let discussion: CachedHandle | null = null;
    const openDiscussion = () => {
      if (!discussion) {
        discussion = this.cachedHandle(discussionDocName(this.workspaceId, documentId));
        queueMicrotask(() => this.update());
      }
      return discussion.handle;
    };
    if (opts.presence) annotations.handle.provider.awareness?.setLocalStateField("user", this.user);
    // Online, the server's copy is the one to show; offline, the device's copy is all there is.
    const cached = annotations.copy.then(() => (navigator.onLine ? annotations.handle.ready : undefined));
    const session = {
      annotations: annotations.handle,
      get discussion() {
        return openDiscussion();
      },
      loaded: Promise.race([annotations.handle.ready, cached]).then(() => undefined),
      presence: !!opts.presence,
      opened: () => (discussion ? [annotations.handle, discussion.handle] : [annotations.handle]),
      destroy: () => {
        annotations.destroy();
        discussion?.destroy();
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

  getSnapshot = (): ConnectionStatus => this.status;

  destroy(): void {
    for (const d of [...this.docs.values()]) d.destroy();
    for (const c of this.cleanups.splice(0)) c();
    this.meta.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }

  private handles(): CollabDocHandle[] {
    return [this.meta, ...[...this.docs.values()].flatMap((d) => d.opened())];
  }

  private awarenesses(): Awareness[] {
    return this.handles().flatMap((h) => (h.provider.awareness ? [h.provider.awareness] : []));
  }

  /** Workspace presence: the ids of the documents this tab shows. */
  private publishOpen(): void {
    const shown = [...this.docs].filter(([, d]) => d.presence).map(([id]) => id);
    this.meta.provider.awareness?.setLocalStateField("documents", shown);
  }

  /** Opens `name` on the page's socket; its sync events update the status until `unwatch`. */
  private handle(name: string): { handle: CollabDocHandle; unwatch: () => void } {
    const handle = openCollabDoc({ name, token: this.token, socket: this.socket, onAuthenticationFailed: () => this.refuse() });
    const fn = () => this.update();
    handle.provider.on("synced", fn);
    handle.provider.on("unsyncedChanges", fn);
    return {
      handle,
      unwatch: () => {
        handle.provider.off("synced", fn);
        handle.provider.off("unsyncedChanges", fn);
      },
    };
  }

  private cachedHandle(name: string): CachedHandle {
    const { handle, unwatch } = this.handle(name);
    // Per user, so two accounts in one browser never see each other's cached copy.
    const copy = openOfflineCopy(`synoptic:${this.user.id}:${name}`, handle.doc);
    return {
      handle,
      copy: copy.loaded,
      destroy: () => {
        unwatch();
        handle.destroy();
        copy.destroy();
      },
    };
  }

  private refuse(): void {
    this.refused = true;
    this.update();
  }

  private update(): void {
    let next: ConnectionStatus;
    if (this.refused) next = "refused";
    else if (this.socket.status !== "connected" || !navigator.onLine) next = "offline";
    else next = this.handles().every((h) => h.provider.synced && h.settled()) ? "connected" : "syncing";
    if (next === this.status) return;
    this.status = next;
    for (const l of this.listeners) l();
  }
}
