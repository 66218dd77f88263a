import { AppError } from "../../core/errors";
import { checkRequestOrigin, publicOrigins } from "../../core/security/origin";
import { logger } from "../../infra/log";

const log = logger("http.origin");

/** Marks adapters whose state-changing requests pass `assertSameOrigin` (the edge walk checks it). */
export const ORIGIN_CHECKED = Symbol.for("synoptic.origin-checked");

/** The configured public origins (NEXTAUTH_URL's origin and COLLAB_ALLOWED_ORIGINS). */
export function configuredOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  return publicOrigins(env);
}

/**
 * Refuses a state-changing request that a browser sent from another origin, with
 * 403 `forbidden`/`origin_forbidden` (never a 500). Bearer-token clients send neither
 * `Origin` nor `Sec-Fetch-Site`, and pass.
 */
export function assertSameOrigin(method: string, headers: Headers): void {
  const verdict = checkRequestOrigin(
    { method, origin: headers.get("origin"), secFetchSite: headers.get("sec-fetch-site"), host: headers.get("x-forwarded-host") ?? headers.get("host") },
    configuredOrigins(),
  );
  if (verdict.ok) return;
  log.warn({ origin: headers.get("origin"), secFetchSite: headers.get("sec-fetch-site"), reason: verdict.reason }, "cross-origin request refused");
  throw new AppError("forbidden", "origin_forbidden", { details: { reason: verdict.reason } });
}
