import { z } from "zod";
import { emailModeSchema } from "../../core/activity/kinds";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { countUnread, listInbox } from "./list-inbox";
import { INBOX_CHANNEL } from "./notify";

export const listInboxOp = defineOperation({
  name: "inbox.list",
  permission: { kind: "user" },
  input: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30), unreadOnly: z.boolean().optional(), cursor: z.iso.datetime().optional() }),
  run: (ctx, input) => listInbox(ctx.actor.id, input),
});

export const unreadCountOp = defineOperation({
  name: "inbox.unread",
  permission: { kind: "user" },
  input: z.object({}),
  run: async (ctx) => ({ unread: await countUnread(ctx.actor.id) }),
});

/** Marks the given notifications (only the actor's own) or all of them read. */
export const markReadOp = defineOperation({
  name: "inbox.markRead",
  permission: { kind: "user" },
  input: z.union([z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }), z.object({ all: z.literal(true) })]),
  async run(ctx, input) {
    const userId = ctx.actor.id;
    return prisma.$transaction(async (tx) => {
      const { count } = await tx.notification.updateMany({ where: { userId, readAt: null, ...("ids" in input ? { id: { in: input.ids } } : {}) }, data: { readAt: ctx.now } });
      // Other tabs of the same user update their badge too.
      if (count) await tx.$executeRaw`SELECT pg_notify(${INBOX_CHANNEL}, ${userId})`;
      return { marked: count };
    });
  },
});

/** Notification e-mail: off, immediate, or a daily digest. */
export const setEmailModeOp = defineOperation({
  name: "inbox.emailMode",
  permission: { kind: "user" },
  input: z.object({ mode: emailModeSchema }),
  async run(ctx, input) {
    await prisma.user.update({ where: { id: ctx.actor.id }, data: { emailMode: input.mode } });
    return { mode: input.mode };
  },
});
