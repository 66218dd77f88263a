import { z } from "zod";
import { idSchema } from "../../core/validation";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { activityFilterSchema, listActivity } from "./list-activity";

/** A workspace's activity feed (members who may read annotations; the API's token rules at /api/v1). */
export const listActivityOp = defineOperation({
  name: "activity.list",
  permission: { kind: "workspace", action: "annotation.read" },
  input: activityFilterSchema.extend({ workspaceId: idSchema }),
  run: (ctx, { workspaceId: _w, ...filter }) => listActivity(ctx.workspaceId, filter),
});

/**
 * Marks the feed as seen now and returns when it was last seen before ("since my last visit"):
 * the page shows events after the returned time as new.
 */
export const markActivitySeenOp = defineOperation({
  name: "activity.seen",
  permission: { kind: "workspace", action: "annotation.read" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx) {
    const where = { workspaceId_userId: { workspaceId: ctx.workspaceId, userId: ctx.actor.id } };
    const before = await prisma.membership.findUniqueOrThrow({ where, select: { activitySeenAt: true } });
    await prisma.membership.update({ where, data: { activitySeenAt: ctx.now } });
    return { lastSeenAt: before.activitySeenAt?.toISOString() ?? null };
  },
});
