/**
 * Short-lived HS256 tokens, minted with COLLAB_TOKEN_SECRET:
 *
 * - connection tokens (`aud: synoptic-collab`): minted by the web app's /api/collab-token for a
 *   signed-in user (`kind: browser`), by a share link's page for its guest (`kind: guest`,
 *   subject `guest:<linkId>`, the name the guest gave in `gn`) or by server-side code such as
 *   imports, scripts and benchmarks (`kind: server`). The collab server verifies them in
 *   onAuthenticate; a guest's link row is checked there on every connection.
 * - internal tokens (`aud: synoptic-collab-internal`): authorise the direct-write HTTP endpoint.
 *
 * A token proves who the user is, never what they may do: the role is looked up on every
 * authentication, so revocation does not wait for tokens to expire.
 */
import { jwtVerify, SignJWT } from "jose";
import { AppError } from "../../core/errors";

export type TokenKind = "browser" | "server" | "guest";
const CONNECTION_AUDIENCE = "synoptic-collab";
const INTERNAL_AUDIENCE = "synoptic-collab-internal";
const ISSUER = "synoptic-web";
/** Connection tokens live five minutes: the provider fetches a fresh one on every reconnect. */
export const CONNECTION_TOKEN_TTL_SECONDS = 300;

function keyOf(secret: string): Uint8Array {
  if (!secret || secret.length < 16) throw new AppError("internal", "COLLAB_TOKEN_SECRET is missing or shorter than 16 characters");
  return new TextEncoder().encode(secret);
}

/** The secret of this process, from COLLAB_TOKEN_SECRET. */
export function collabSecret(): string {
  return process.env.COLLAB_TOKEN_SECRET ?? "";
}

/** Mints a connection token for `userId`. */
export async function mintConnectionToken(
  opts: { userId: string; secret?: string; ttlSeconds?: number; now?: Date } & (
    | { kind: "server"; sessionVersion?: undefined }
    /** Browser tokens carry the session version they were minted from and die with that session. */
    | { kind: "browser"; sessionVersion: number }
  ),
): Promise<string> {
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ kind: opts.kind, ...(opts.sessionVersion !== undefined ? { sv: opts.sessionVersion } : {}) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(opts.userId)
    .setIssuer(ISSUER)
    .setAudience(CONNECTION_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (opts.ttlSeconds ?? CONNECTION_TOKEN_TTL_SECONDS))
    .sign(keyOf(opts.secret ?? collabSecret()));
}

/** Mints a connection token for the guest of share link `linkId` (identity `guest:<linkId>`). */
export async function mintGuestToken(opts: { linkId: string; guestName: string; secret?: string; ttlSeconds?: number; now?: Date }): Promise<string> {
  const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ kind: "guest", gn: opts.guestName })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(`guest:${opts.linkId}`)
    .setIssuer(ISSUER)
    .setAudience(CONNECTION_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (opts.ttlSeconds ?? CONNECTION_TOKEN_TTL_SECONDS))
    .sign(keyOf(opts.secret ?? collabSecret()));
}

/** Verifies a connection token; throws `unauthenticated` for anything forged, expired or malformed. */
export async function verifyConnectionToken(token: string, secret = collabSecret()): Promise<{ userId: string; kind: TokenKind; sessionVersion?: number; guestName?: string }> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ["HS256"], audience: CONNECTION_AUDIENCE, issuer: ISSUER });
    const kind = payload.kind === "server" ? "server" : payload.kind === "browser" ? "browser" : payload.kind === "guest" ? "guest" : null;
    if (!payload.sub || !kind) throw new Error("claims missing");
    // A guest subject and a member subject never pass for each other: the kind and the prefix agree.
    if ((kind === "guest") !== payload.sub.startsWith("guest:")) throw new Error("guest subject mismatch");
    if (kind === "guest" && typeof payload.gn !== "string") throw new Error("guest name missing");
    return { userId: payload.sub, kind, ...(typeof payload.sv === "number" ? { sessionVersion: payload.sv } : {}), ...(kind === "guest" ? { guestName: payload.gn as string } : {}) };
  } catch (e) {
    throw new AppError("unauthenticated", "invalid_collab_token", { cause: e });
  }
}

/** Mints a one-minute token for the collab server's internal endpoint. */
export async function mintInternalToken(secret = collabSecret()): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setAudience(INTERNAL_AUDIENCE).setIssuedAt().setExpirationTime("60s").sign(keyOf(secret));
}

/** Verifies an internal token; throws `unauthenticated`. */
export async function verifyInternalToken(token: string, secret = collabSecret()): Promise<void> {
  try {
    await jwtVerify(token, keyOf(secret), { algorithms: ["HS256"], audience: INTERNAL_AUDIENCE, issuer: ISSUER });
  } catch (e) {
    throw new AppError("unauthenticated", "invalid_internal_token", { cause: e });
  }
}
