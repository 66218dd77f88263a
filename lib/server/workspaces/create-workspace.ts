import { randomBytes } from "node:crypto";
import { z } from "zod";
import { nameSchema, slugify } from "../../core/validation";
import { defineOperation } from "../ops/define";
import { prisma, recordActivity } from "./record-activity";
import { SEARCH_INDEX_FORMAT } from "../search/index-format";

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
}

/** Creates a workspace with its creator as owner. Used by the UI and by the demo seed. */
export async function createWorkspace(ownerId: string, name: string, now: Date, slug?: string): Promise<WorkspaceSummary> {
  return prisma.$transaction(async (tx) => {
    const ws = await tx.workspace.create({
      data: { name, slug: slug ?? slugify(name, randomBytes(4).toString("hex")), createdAt: now },
      select: { id: true, slug: true, name: true },
    });
    await tx.membership.create({ data: { workspaceId: ws.id, userId: ownerId, role: "owner" } });
    // An empty workspace has a complete search index; imports and the projection keep it so.
    await tx.searchIndexState.create({ data: { workspaceId: ws.id, format: SEARCH_INDEX_FORMAT, builtAt: now } });
    await recordActivity(tx, { workspaceId: ws.id, actorId: ownerId, kind: "workspace.create", at: now });
    return ws;
  });
}

export const createWorkspaceOp = defineOperation({
  name: "workspaces.create",
  permission: { kind: "user" },
  input: z.object({ name: nameSchema }),
  run: (ctx, input) => createWorkspace(ctx.actor.id, input.name, ctx.now),
});
