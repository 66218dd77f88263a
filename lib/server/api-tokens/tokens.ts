/**
 * Personal API tokens for the read-only REST API. A token is `syn_` + 32 random bytes
 * (base64url); only its SHA-256 is stored, so a database leak reveals no usable token. It acts
 * as its user (reaching only the workspaces the user is a member of, checked on every call by
 * the one permission function) and may be narrowed to one workspace.
 */
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "../../core/errors";
import { prisma } from "../../infra/db/client";
import type { Actor } from "../ops/define";

export const TOKEN_PREFIX = "syn_";
const TOKEN_PATTERN = /^syn_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per token, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export interface TokenActor extends Actor {
  tokenId: string;
  /** The one workspace the token is limited to, or null for all of the user's workspaces. */
  tokenWorkspaceId: string | null;
}

/**
 * The user behind `Authorization: Bearer syn_…`. Missing, malformed, unknown and revoked tokens
 * are all `unauthenticated`, with no hint which.
 */
export async function actorFromToken(authorization: string | null, now = new Date()): Promise<TokenActor> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
  if (!TOKEN_PATTERN.test(token)) throw new AppError("unauthenticated", "api_token_invalid");
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, workspaceId: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.revokedAt) throw new AppError("unauthenticated", "api_token_invalid");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ...row.user, tokenId: row.id, tokenWorkspaceId: row.workspaceId };
}
