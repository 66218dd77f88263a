/**
 * Opening collaborative documents from a client (browser UI, scripts, tests, benchmarks).
 * Several documents share one WebSocket (`openCollabSocket` + `openCollabDoc({ socket })`).
 * The token may be a function: the provider calls it on every (re)connect, so a short-lived
 * token from /api/collab-token is fetched fresh each time.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";

export type TokenSource = string | (() => Promise<string>);

/**
 * A WebSocket class that sends `origin` on the handshake. Browsers set Origin themselves;
 * Node's WebSocket sends none, which the server accepts only with a server-side token.
 */
export function webSocketWithOrigin(origin: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // Node's (undici) WebSocket takes an options object with headers as second argument.
      super(url, { protocols, headers: { origin } } as unknown as string[]);
    }
  };
}

/** One WebSocket to the collab server, to be shared by the documents of a page. */
export function openCollabSocket(url: string, opts: { origin?: string } = {}): HocuspocusProviderWebsocket {
  const socket = new HocuspocusProviderWebsocket({
    url,
    ...(opts.origin ? { WebSocketPolyfill: webSocketWithOrigin(opts.origin) } : {}),
  });
  socket.on("close", ({ event }: { event?: { code?: number; reason?: string } }) => {
    // 4413: the server refused a change that would pass a note's or a document's size limit.
    if (event?.code === COLLAB_LIMIT_CLOSE_CODE && typeof window !== "undefined")
      window.dispatchEvent(new CustomEvent(COLLAB_LIMIT_EVENT, { detail: event.reason ?? "document-too-large" }));
  });
  return socket;
}

/** Close code of a refused oversized change, and the window event the UI shows it from. */
export const COLLAB_LIMIT_CLOSE_CODE = 4413;
export const COLLAB_LIMIT_EVENT = "synoptic:collab-limit";

export interface CollabDocHandle {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves after the first full sync; rejects when authentication is refused. */
  ready: Promise<void>;
  /** True when the server made this connection read-only. */
  readOnly(): boolean;
  /** True when every local change has been acknowledged by the server. */
  settled(): boolean;
  destroy(): void;
}

/** Opens the document `name` on `socket` (or on a socket of its own when `url` is given). */
export function openCollabDoc(opts: {
  name: string;
  token: TokenSource;
  socket?: HocuspocusProviderWebsocket;
  url?: string;
  origin?: string;
  doc?: Y.Doc;
  onAuthenticationFailed?: (reason: string) => void;
}): CollabDocHandle {
  const doc = opts.doc ?? new Y.Doc();
  const socket = opts.socket ?? openCollabSocket(requireUrl(opts.url), opts.origin ? { origin: opts.origin } : {});
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  ready.catch(() => {}); // callers that never await must not see an unhandled rejection
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: opts.name,
    document: doc,
    token: opts.token,
    onSynced: ({ state }) => {
      if (state) resolveReady();
    },
    onAuthenticationFailed: ({ reason }) => {
      opts.onAuthenticationFailed?.(reason);
      rejectReady(new Error(`authentication failed: ${reason}`));
    },
  });
  // A provider given a socket must be attached explicitly (Hocuspocus 2+ multiplexing).
  provider.attach();
  return {
    doc,
    provider,
    ready,
    readOnly: () => provider.authorizedScope === "readonly",
    settled: () => !provider.hasUnsyncedChanges,
    destroy: () => {
      provider.destroy();
      if (!opts.socket) socket.destroy();
    },
  };
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error("openCollabDoc needs `socket` or `url`");
  return url;
}
