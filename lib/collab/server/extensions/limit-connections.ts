/**
 * Flood control before anything is authenticated: at most `perAddress` open sockets and
 * `upgradesPerMinute` handshakes per client address. (Hocuspocus 4 bounds what one
 * unauthenticated socket may queue: maxUnauthenticatedQueueSize/Messages, maxPendingDocuments;
 * index.ts sets those, and the maximum message size.)
 */
import type { IncomingMessage } from "node:http";
import type { Extension, onUpgradePayload } from "@hocuspocus/server";
import { logger } from "../../../infra/log";
import { rejectUpgrade } from "./reject-upgrade";

const log = logger("collab.limits");

export interface ConnectionLimits {
  perAddress: number;
  upgradesPerMinute: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
}

function addressOf(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers["x-forwarded-for"] : undefined;
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || request.socket.remoteAddress || "unknown";
}

export function limitConnections(limits: ConnectionLimits): Extension {
  const open = new Map<string, number>();
  const recent = new Map<string, number[]>();
  return {
    extensionName: "limitConnections",
    priority: 1200,
    async onUpgrade({ request, socket }: onUpgradePayload) {
      const address = addressOf(request, limits.trustProxy);
      const now = Date.now();
      const window = (recent.get(address) ?? []).filter((t) => now - t < 60_000);
      if (window.length >= limits.upgradesPerMinute || (open.get(address) ?? 0) >= limits.perAddress) {
        recent.set(address, window);
        log.warn({ address, open: open.get(address) ?? 0, perMinute: window.length }, "connection refused: too many");
        return rejectUpgrade(socket, 429, "Too Many Requests");
      }
      window.push(now);
      recent.set(address, window);
      open.set(address, (open.get(address) ?? 0) + 1);
      socket.once("close", () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
        if (recent.get(address)?.every((t) => Date.now() - t >= 60_000)) recent.delete(address);
      });
    },
  };
}
