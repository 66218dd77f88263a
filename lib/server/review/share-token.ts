/**
 * The token in a share link's URL: `<linkId>.<expiry, unix seconds>.<HMAC-SHA256>` keyed with
 * the app secret (NEXTAUTH_SECRET). The signature makes ids unguessable as URLs and binds the
 * expiry the owner chose; the stored row still decides (revoked, expired, scope) on every request.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../../core/errors";

const CONTEXT = "synoptic-share-v1";

function secretOf(secret: string | undefined): string {
  const s = secret ?? process.env.NEXTAUTH_SECRET ?? "";
  if (s.length < 16) throw new AppError("internal", "NEXTAUTH_SECRET is missing or shorter than 16 characters");
  return s;
}

function mac(linkId: string, expSeconds: number, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${CONTEXT}:${linkId}:${expSeconds}`).digest();
}

/** Signs a link id with its expiry. */
export function signShareToken(linkId: string, expiresAt: Date, secret?: string): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${linkId}.${exp}.${mac(linkId, exp, secretOf(secret)).toString("base64url")}`;
}

/**
 * The link id of a well-formed, correctly signed, unexpired token; null otherwise (the caller
 * answers every such case alike, so a guesser learns nothing).
 */
export function readShareToken(token: string, now: Date, secret?: string): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, linkId, expText, sig] = m as unknown as [string, string, string, string];
  const exp = Number(expText);
  const expected = mac(linkId, exp, secretOf(secret));
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return exp * 1000 > now.getTime() ? linkId : null;
}
