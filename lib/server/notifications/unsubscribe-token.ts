/**
 * Unsubscribe links: `<userId>.<HMAC-SHA256(userId)>` under NEXTAUTH_SECRET, so a link switches
 * off e-mail for its recipient only, works without signing in (mail clients' one-click
 * unsubscribe, RFC 8058), and cannot be made for someone else.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

function secret(): string {
  const s = process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set");
  return s;
}

function sign(userId: string): string {
  return createHmac("sha256", secret()).update(`unsubscribe:${userId}`).digest("base64url");
}

export function unsubscribeToken(userId: string): string {
  return `${userId}.${sign(userId)}`;
}

/** The user id of a valid token, or null. */
export function verifyUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || token.length > 300) return null;
  const userId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const wanted = Buffer.from(sign(userId));
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? userId : null;
}
