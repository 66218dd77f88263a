import { AppError } from "../../core/errors";
import type { Prisma } from "../../generated/prisma/client";

/** A workspace must keep at least one owner: refuse changes that would leave none. */
export async function assertOtherOwnerExists(tx: Prisma.TransactionClient, workspaceId: string, leavingUserId: string): Promise<void> {
  const others = await tx.membership.count({ where: { workspaceId, role: "owner", userId: { not: leavingUserId } } });
  if (others === 0) throw new AppError("conflict", "last_owner");
}
