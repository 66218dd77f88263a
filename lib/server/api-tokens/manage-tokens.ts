import { z } from "zod";
import { AppError } from "../../core/errors";
import { assertCan } from "../../core/permissions";
import { idSchema } from "../../core/validation";
import { prisma } from "../../infra/db/client";
import { defineOperation, roleOf } from "../ops/define";
import { generateToken, hashToken } from "./tokens";

const MAX_TOKENS = 20;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  workspaceId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Creates a token for the signed-in user; the token is in the answer once and never again. */
export const createApiTokenOp = defineOperation({
  name: "apiTokens.create",
  permission: { kind: "user" },
  input: z.object({ name: z.string().trim().min(1).max(80), workspaceId: idSchema.optional() }),
  async run(ctx, input): Promise<ApiTokenView & { token: string }> {
    if (input.workspaceId) assertCan(await roleOf(ctx.actor.id, input.workspaceId), "workspace.read");
    const live = await prisma.apiToken.count({ where: { userId: ctx.actor.id, revokedAt: null } });
    if (live >= MAX_TOKENS) throw new AppError("conflict", "api_token_limit");
    const token = generateToken();
    const row = await prisma.apiToken.create({
      data: { userId: ctx.actor.id, workspaceId: input.workspaceId ?? null, name: input.name, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdAt: ctx.now },
    });
    return { ...view(row), token };
  },
});

export const listApiTokensOp = defineOperation({
  name: "apiTokens.list",
  permission: { kind: "user" },
  input: z.object({}),
  async run(ctx): Promise<ApiTokenView[]> {
    const rows = await prisma.apiToken.findMany({ where: { userId: ctx.actor.id }, orderBy: { createdAt: "desc" } });
    return rows.map(view);
  },
});

/** Revokes one of the user's own tokens (someone else's id is `not_found`). */
export const revokeApiTokenOp = defineOperation({
  name: "apiTokens.revoke",
  permission: { kind: "user" },
  input: z.object({ tokenId: idSchema }),
  async run(ctx, input): Promise<{ revoked: true }> {
    const { count } = await prisma.apiToken.updateMany({ where: { id: input.tokenId, userId: ctx.actor.id, revokedAt: null }, data: { revokedAt: ctx.now } });
    if (count === 0) throw new AppError("not_found", "api_token_not_found");
    return { revoked: true };
  },
});

function view(row: { id: string; name: string; prefix: string; workspaceId: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenView {
  return {
    id: row.id, name: row.name, prefix: row.prefix, workspaceId: row.workspaceId,
    createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null, revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
