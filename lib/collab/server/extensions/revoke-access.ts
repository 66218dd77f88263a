/**
 * Revocation within seconds: LISTENs on the channel notifyAccessChanged() NOTIFYs, and for every
 * open connection of that user in that workspace re-checks the role with the one permission
 * function. A connection whose access is gone, or whose read-only flag no longer matches the
 * role, or whose session was ended (User.sessionVersion bumped), has its socket closed; the provider reconnects with a fresh token and onAuthenticate
 * decides again (a removed member is then refused).
 */
import type { Extension, Hocuspocus, onConfigurePayload } from "@hocuspocus/server";
import pg from "pg";
import { parseDocName } from "../../../core/collab";
import { ACCESS_CHANNEL } from "../../../infra/access-changed";
import { roleOf } from "../../../infra/role-of";
import { prisma } from "../../../infra/db/client";
import { logger } from "../../../infra/log";
import { linkIdOfGuest } from "../../../core/review";
import { guestAccessNow } from "./authorise-guest";
import type { CollabContext } from "../context";
import { accessFor } from "./authenticate";

const log = logger("collab.revoke");
/** Close code the client sees: 4403 "access changed", distinct from transport failures. */
export const ACCESS_CHANGED_CLOSE = { code: 4403, reason: "access-changed" } as const;

/** Re-checks `userId`'s connections in `workspaceId`; returns how many sockets were closed. */
export async function recheckAccess(instance: Hocuspocus, workspaceId: string, userId: string): Promise<number> {
  const guest = linkIdOfGuest(userId) !== null;
  const role = guest ? null : await roleOf(userId, workspaceId);
  const user = guest ? null : await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  let closed = 0;
  for (const document of instance.documents.values()) {
    const ref = parseDocName(document.name);
    if (!ref || ref.workspaceId !== workspaceId) continue;
    // A share link's guest (revoked, expired) is decided by its link row, not a membership.
    const access = guest ? await guestAccessNow(userId, ref) : accessFor(role, ref);
    for (const connection of document.getConnections()) {
      const ctx = connection.context as Partial<CollabContext>;
      if (ctx.userId !== userId) continue;
      const sessionLive = ctx.sessionVersion === undefined || ctx.sessionVersion === user?.sessionVersion;
      if (access.read && access.readOnly === connection.readOnly && sessionLive) continue;
      log.info({ documentName: document.name, userId, workspaceId, role }, "closing connection: access changed");
      connection.webSocket.close(ACCESS_CHANGED_CLOSE.code, ACCESS_CHANGED_CLOSE.reason);
      closed++;
    }
  }
  return closed;
}

export function revokeAccess(opts: { databaseUrl: string }): Extension {
  let client: pg.Client | null = null;
  let stopped = false;
  let instance: Hocuspocus | null = null;

  const connect = async (attempt = 0): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl });
    c.on("notification", (msg) => {
      if (msg.channel !== ACCESS_CHANNEL || !instance) return;
      try {
        const { workspaceId, userId } = JSON.parse(msg.payload ?? "{}") as { workspaceId?: unknown; userId?: unknown };
        if (typeof workspaceId !== "string" || typeof userId !== "string") return;
        void recheckAccess(instance, workspaceId, userId).catch((err: unknown) => log.error({ err, workspaceId, userId }, "access re-check failed"));
      } catch (err) {
        log.warn({ err }, "ignored a malformed access notification");
      }
    });
    c.on("error", (err) => {
      log.error({ err }, "LISTEN connection lost; reconnecting");
      client = null;
      void c.end().catch(() => {});
      setTimeout(() => void connect(attempt + 1), Math.min(5_000, 200 * 2 ** attempt)).unref();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${ACCESS_CHANNEL}`);
      if (stopped) {
        await c.end();
        return;
      }
      client = c;
      log.debug("listening for access changes");
    } catch (err) {
      log.error({ err }, "could not LISTEN for access changes; retrying");
      void c.end().catch(() => {});
      setTimeout(() => void connect(attempt + 1), Math.min(5_000, 200 * 2 ** attempt)).unref();
    }
  };

  return {
    extensionName: "revokeAccess",
    async onConfigure({ instance: i }: onConfigurePayload) {
      instance = i;
    },
    async onListen() {
      await connect();
    },
    async onDestroy() {
      stopped = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
