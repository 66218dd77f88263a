import { z } from "zod";
import { AppError } from "../../core/errors";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/**
 * Switches off notification e-mail for the signed token's user. Public (no session): the link in
 * an e-mail and mail clients' one-click unsubscribe (RFC 8058) carry the token, which names its
 * recipient only.
 */
export const unsubscribeOp = defineOperation({
  name: "notifications.unsubscribe",
  permission: { kind: "public" },
  input: z.object({ token: z.string().max(300) }),
  async run(_ctx, input): Promise<{ unsubscribed: true }> {
    const userId = verifyUnsubscribeToken(input.token);
    if (!userId) throw new AppError("not_found", "unsubscribe_link_invalid");
    await prisma.user.updateMany({ where: { id: userId }, data: { emailMode: "off" } });
    return { unsubscribed: true };
  },
});
