/**
 * Cross-site WebSocket hijacking guard: a browser connection must come from the web app's own
 * origin (NEXTAUTH_URL) or one of COLLAB_ALLOWED_ORIGINS. A request without Origin is let
 * through here; authenticate.ts then requires a server-side token for it, because browsers
 * always send Origin on WebSocket handshakes.
 */
import type { Extension, onUpgradePayload } from "@hocuspocus/server";
import { logger } from "../../../infra/log";
import { rejectUpgrade } from "./reject-upgrade";
import { normaliseOrigin, publicOrigins } from "../../../core/security/origin";

const log = logger("collab.origin");

/** The allowed origins from the environment (the web app's public origins, lib/core/security/origin.ts). */
export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return publicOrigins(env);
}

export function checkOrigin(opts: { allowedOrigins: string[] }): Extension {
  const allowed = new Set(opts.allowedOrigins.map(normaliseOrigin).filter((o): o is string => o !== null));
  return {
    extensionName: "checkOrigin",
    priority: 1100,
    async onUpgrade({ request, socket }: onUpgradePayload) {
      const origin = request.headers.origin;
      if (origin === undefined) return;
      if (allowed.has(normaliseOrigin(origin) ?? "")) return;
      log.warn({ origin, address: request.socket.remoteAddress }, "origin refused");
      return rejectUpgrade(socket, 403, "Forbidden");
    },
  };
}
