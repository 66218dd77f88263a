/**
 * The collab server: Hocuspocus 4 composed of small extensions, each in its own file.
 *
 *   redisSync                        (scale-out, with REDIS_URL: documents shared between instances)
 *   limitConnections → checkOrigin   (HTTP upgrade: flood control, cross-site WebSocket guard)
 *   authenticate                     (token, document name, role via can(), read-only per kind)
 *   checkAuthorship                  (per-update entry authorship, before the log; refusals close)
 *   appendUpdates                    (durability log before apply/ack)
 *   persistDocument                  (load; store + projection in one transaction)
 *   revokeAccess                     (LISTEN for access changes, close affected sockets)
 *   serveHttp                        (/health, /ready, /internal/operations direct writes)
 *   logEvents                        (structured logs)
 *
 * Runs as its own process (scripts/collab.ts, started by `npm start`); tests and benchmarks
 * create it in-process on port 0.
 */
import { Server, type Extension } from "@hocuspocus/server";
import { collabSecret } from "../auth/token";
import { appendUpdates } from "./extensions/append-updates";
import { authenticate } from "./extensions/authenticate";
import { checkAuthorship } from "./extensions/check-authorship";
import { boundDocuments, documentLimitsFromEnv, type DocumentLimits } from "./extensions/bound-documents";
import { allowedOriginsFromEnv, checkOrigin } from "./extensions/check-origin";
import { limitConnections, type ConnectionLimits } from "./extensions/limit-connections";
import { logEvents } from "./extensions/log-events";
import { persistDocument } from "./extensions/persist-document";
import { revokeAccess } from "./extensions/revoke-access";
import { serveHttp } from "./extensions/serve-http";
import { AppliedUpdates } from "./persistence/update-log";
import { createAppendLog } from "./persistence/append-log";
import { createReadiness, type Readiness } from "./scale/readiness";
import { redisSync, redisSyncFromEnv, type RedisSyncOptions } from "./scale/redis-sync";

export interface CollabServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** COLLAB_TOKEN_SECRET by default. */
  secret?: string;
  /** Origins allowed for browser connections; NEXTAUTH_URL + COLLAB_ALLOWED_ORIGINS by default. */
  allowedOrigins?: string[];
  /** For LISTEN; DATABASE_URL by default. */
  databaseUrl?: string;
  /** Store debounce; the append log makes a longer window safe, the projection wants it short. */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** Largest WebSocket message accepted (bigger ones close the socket with 1009). */
  maxMessageBytes?: number;
  /** Append every update to CollabUpdate before acknowledging it (default true). */
  appendLog?: boolean;
  limits?: Partial<ConnectionLimits>;
  /** Scale-out through Redis; REDIS_URL (+ REDIS_PREFIX) by default, null for none. */
  redis?: RedisSyncOptions | null;
  /** Document and note size caps; COLLAB_MAX_DOCUMENT_BYTES / COLLAB_MAX_NOTE_BYTES by default. */
  documentLimits?: DocumentLimits;
}

export interface CollabServer {
  server: Server;
  port: number;
  /** ws://host:port */
  url: string;
  readiness: Readiness;
  /**
   * Graceful stop: /ready turns 503, then after `drainMs` (time for the proxy's health check to
   * notice) sockets are closed (clients reconnect elsewhere) and every document is stored.
   */
  shutdown(opts?: { drainMs?: number }): Promise<void>;
  destroy(): Promise<void>;
}

export const DEFAULT_LIMITS: ConnectionLimits = { perAddress: 200, upgradesPerMinute: 600, trustProxy: false };

/** Builds the extension list; exported so tests can check each piece is present. */
export function collabExtensions(
  opts: Required<Pick<CollabServerOptions, "secret" | "allowedOrigins" | "appendLog">> & {
    databaseUrl: string | undefined;
    limits: ConnectionLimits;
    documentLimits?: DocumentLimits;
    redis?: Extension | null;
    readiness: Readiness;
  },
): Extension[] {
  const applied = new AppliedUpdates();
  return [
    ...(opts.redis ? [opts.redis] : []),
    limitConnections(opts.limits),
    checkOrigin({ allowedOrigins: opts.allowedOrigins }),
    authenticate({ secret: opts.secret }),
    boundDocuments(opts.documentLimits ?? documentLimitsFromEnv()), // priority 600: schema and sizes first
    checkAuthorship(), // priority 500: its beforeHandleMessage runs before appendUpdates'
    ...(opts.appendLog ? [appendUpdates({ applied, log: createAppendLog(requireDatabaseUrl(opts.databaseUrl)) })] : []),
    persistDocument({ applied }),
    ...(opts.databaseUrl ? [revokeAccess({ databaseUrl: opts.databaseUrl })] : []),
    serveHttp({ secret: opts.secret, readiness: opts.readiness }),
    logEvents(),
  ];
}

function requireDatabaseUrl(url: string | undefined): string {
  if (!url) throw new Error("the collab server needs DATABASE_URL");
  return url;
}

/** Creates and starts a collab server. */
export async function createCollabServer(opts: CollabServerOptions = {}): Promise<CollabServer> {
  const secret = opts.secret ?? collabSecret();
  const redisOptions = opts.redis === undefined ? redisSyncFromEnv() : opts.redis;
  const redis = redisOptions ? redisSync(redisOptions) : null;
  const readiness = createReadiness(redis ? { redisUp: redis.up } : {});
  const server = new Server({
    name: "synoptic-collab",
    port: opts.port ?? 0,
    ...(opts.host ? { address: opts.host } : {}),
    quiet: true,
    stopOnSignals: false,
    debounce: opts.debounceMs ?? 1_000,
    maxDebounce: opts.maxDebounceMs ?? 5_000,
    timeout: 30_000,
    websocketOptions: { maxPayload: opts.maxMessageBytes ?? 2 * 1024 * 1024 },
    // Pre-authentication bounds (GHSA-xwhh-v746-pj9m): a client that has not authenticated
    // may queue little, and may not fan out over many document names.
    maxUnauthenticatedQueueSize: 512 * 1024,
    maxUnauthenticatedQueueMessages: 200,
    maxPendingDocuments: 20,
    extensions: collabExtensions({
      secret,
      allowedOrigins: opts.allowedOrigins ?? allowedOriginsFromEnv(),
      appendLog: opts.appendLog ?? true,
      databaseUrl: opts.databaseUrl ?? process.env.DATABASE_URL,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      redis: redis?.extension ?? null,
      readiness,
      ...(opts.documentLimits ? { documentLimits: opts.documentLimits } : {}),
    }),
  });
  await server.listen();
  const { port } = server.address;
  const host = opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1";
  return {
    server,
    port,
    url: `ws://${host}:${port}`,
    readiness,
    shutdown: async ({ drainMs = 0 } = {}) => {
      readiness.drain();
      if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
      await server.destroy();
    },
    destroy: () => server.destroy(),
  };
}
