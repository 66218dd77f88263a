/**
 * Cross-site request forgery guard, pure: decides from a request's method and headers whether it
 * may change state. Browsers send `Origin` on every non-GET request (and `Sec-Fetch-Site` on every
 * request); a request carrying neither is not from a browser, so it cannot ride a victim's cookies.
 */

/** Methods that never change state; everything else must come from one of our own origins. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** `scheme://host[:port]` of a URL or origin string, or null when it is not one. */
export function normaliseOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed === "null") return null;
  try {
    const origin = new URL(trimmed).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The public origins: NEXTAUTH_URL's origin and the comma-separated extras of COLLAB_ALLOWED_ORIGINS. */
export function publicOrigins(env: Record<string, string | undefined>): string[] {
  const raw = [env.NEXTAUTH_URL ?? "", ...(env.COLLAB_ALLOWED_ORIGINS ?? "").split(",")];
  return [...new Set(raw.map(normaliseOrigin).filter((o): o is string => o !== null))];
}

export interface RequestFacts {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  /** The Host header the browser sent (the app's own host as the browser sees it). */
  host: string | null;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: "foreign_origin" | "cross_site_fetch" };

/**
 * Whether a request may change state. Allowed: safe methods; an `Origin` among the public origins
 * or naming the request's own host (what Next's server actions accept); without `Origin`, a
 * `Sec-Fetch-Site` of `same-origin` or `none`; and non-browser clients that send neither.
 * `same-site` is refused: another port of the same host is same-site but not ours.
 */
export function checkRequestOrigin(req: RequestFacts, allowed: readonly string[]): OriginVerdict {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return { ok: true };
  if (req.origin !== null) {
    const origin = normaliseOrigin(req.origin);
    if (origin !== null && (allowed.includes(origin) || (req.host !== null && new URL(origin).host === req.host.toLowerCase()))) return { ok: true };
    return { ok: false, reason: "foreign_origin" };
  }
  if (req.secFetchSite !== null) {
    const site = req.secFetchSite.toLowerCase();
    return site === "same-origin" || site === "none" ? { ok: true } : { ok: false, reason: "cross_site_fetch" };
  }
  return { ok: true };
}
