import { z } from "zod";
import { parseDocName } from "../../core/collab";
import { AppError } from "../../core/errors";
import { assertCan } from "../../core/permissions";
import { mintConnectionToken } from "../../collab/auth/token";
import { prisma } from "../../infra/db/client";
import { defineOperation, roleOf } from "../ops/define";
import { publicCollabUrl } from "./collab-url";

/**
 * Mints a short-lived token for the collab server from the signed-in session. With a document
 * name, it also checks that the user may read it (membership of its workspace, live document),
 * so the UI learns of a refusal before opening a socket; the collab server checks again.
 */
export const issueCollabTokenOp = defineOperation({
  name: "collab.token",
  permission: { kind: "user" },
  input: z.object({ documentName: z.string().max(200).optional(), workspaceId: z.string().max(100).optional(), host: z.string().max(300).nullable().optional() }),
  async run(ctx, input) {
    if (input.documentName !== undefined) {
      const ref = parseDocName(input.documentName);
      if (!ref) throw new AppError("invalid_input", "invalid_document_name");
      assertCan(await roleOf(ctx.actor.id, ref.workspaceId), "annotation.read");
      if (ref.kind !== "meta") {
        const doc = await prisma.document.findFirst({ where: { id: ref.documentId, workspaceId: ref.workspaceId, deletedAt: null }, select: { id: true } });
        if (!doc) throw new AppError("not_found", "document_not_found");
      }
    }
    const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { sessionVersion: true } });
    const token = await mintConnectionToken({ userId: ctx.actor.id, kind: "browser", sessionVersion: user.sessionVersion, now: ctx.now });
    // The route key only steers a proxy's load balancing; it grants nothing.
    const routeKey = input.workspaceId ?? (input.documentName ? parseDocName(input.documentName)?.workspaceId : undefined);
    return { token, url: publicCollabUrl(input.host ?? null, process.env, routeKey) };
  },
});
