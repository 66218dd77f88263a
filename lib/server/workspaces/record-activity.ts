import { prisma } from "../db/client";
import type { Prisma } from "../../generated/prisma/client";

/** Appends to a workspace's activity log; pass the transaction client inside a transaction. */
export async function recordActivity(
  db: Prisma.TransactionClient,
  event: { workspaceId: string; actorId: string | null; action: string; targetType?: string; targetId?: string; data?: Prisma.InputJsonValue; at: Date },
): Promise<void> {
  await db.activityEvent.create({
    data: {
      workspaceId: event.workspaceId,
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      data: event.data ?? {},
      createdAt: event.at,
    },
  });
}

export { prisma };
