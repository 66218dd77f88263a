/**
 * Scale-out: several collab instances share documents through Hocuspocus' own Redis extension
 * (one pub/sub channel per document; every instance holding a document receives all of its
 * updates and awareness). Switched on by REDIS_URL; `npm start` runs without it.
 *
 * Two changes to the stock extension, both about persistence:
 * - No Redis lock around stores. The stock lock (1 s TTL, no retry) makes an instance *skip*
 *   its store when another instance is storing, and an instance never stores updates it
 *   received from Redis — so a skipped store leaves the projection without that instance's
 *   updates until its next local change. Stores are already serialised by the row lock on
 *   CollabDocument (persistence/store-state.ts), which also merges a state written by another
 *   instance, so no writer can overwrite a newer state.
 * - After Redis comes back (ioredis reconnects and resubscribes by itself), every loaded
 *   document announces its state vector again, so updates published while Redis was away are
 *   exchanged at once instead of at the next edit.
 */
import { Redis } from "@hocuspocus/extension-redis";
import type { Extension, onChangePayload } from "@hocuspocus/server";
import IORedis from "ioredis";
import { logger } from "../../../infra/log";

const log = logger("collab.redis");

export interface RedisSyncOptions {
  /** redis://host:port/db */
  url: string;
  /** Key and channel namespace; one per deployment (tests use one per run). */
  prefix?: string;
  /** A name for this instance in Redis messages (random by default). */
  identifier?: string;
}

class RedisSync extends Redis {
  override async onStoreDocument(): Promise<void> {
    // Deliberately no lock: see the file comment.
  }

  /** Re-announces every loaded document (after a Redis reconnect). */
  resyncAll(): void {
    if (!this.instance) return;
    for (const document of this.instance.documents.values()) {
      void this.onChange({ documentName: document.name, document, transactionOrigin: { source: "local" } } as onChangePayload);
    }
  }
}

/** The Redis extension for REDIS_URL; `up()` tells whether both its connections are ready. */
export function redisSync(opts: RedisSyncOptions): { extension: Extension; up(): boolean } {
  const client = (role: string) => {
    const c = new IORedis(opts.url, { lazyConnect: false, connectionName: `synoptic-collab-${role}` });
    c.on("error", (err: Error) => log.warn({ err: err.message, role }, "redis connection error; reconnecting"));
    return c;
  };
  let made = 0;
  const ext = new RedisSync({
    prefix: opts.prefix ?? "synoptic",
    ...(opts.identifier ? { identifier: opts.identifier } : {}),
    createClient: () => client(made++ === 0 ? "pub" : "sub"),
  });
  let first = true;
  ext.sub.on("ready", () => {
    if (first) {
      first = false;
      return;
    }
    log.info("redis is back; re-announcing loaded documents");
    ext.resyncAll();
  });
  return { extension: ext, up: () => ext.pub.status === "ready" && ext.sub.status === "ready" };
}

/** Scale-out settings from the environment (REDIS_URL, REDIS_PREFIX), or null. */
export function redisSyncFromEnv(env: NodeJS.ProcessEnv = process.env): RedisSyncOptions | null {
  if (!env.REDIS_URL) return null;
  return { url: env.REDIS_URL, ...(env.REDIS_PREFIX ? { prefix: env.REDIS_PREFIX } : {}) };
}
