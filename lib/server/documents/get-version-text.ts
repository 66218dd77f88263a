import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceIdInput } from "../workspaces/schemas";
import { idSchema } from "../../core/validation";
import { AppError } from "../../core/errors";
import { sanitiseBlocks } from "../../core/reader";
import type { Block } from "../../core/text/types";

export const getVersionTextInput = workspaceIdInput.and(z.object({ documentId: idSchema, versionId: idSchema }));

/**
 * The text and blocks of one version, for a compare pane that defers a long text
 * (docs/long-documents.md): a version never changes, so the response is cached for good.
 */
export const getVersionTextOp = defineOperation({
  name: "documents.versionText",
  permission: { kind: "workspace", action: "document.read" },
  input: getVersionTextInput,
  async run(ctx, input): Promise<{ text: string; blocks: Block[] }> {
    const v = await prisma.documentVersion.findFirst({
      where: { id: input.versionId, documentId: input.documentId, document: { workspaceId: ctx.workspaceId, deletedAt: null } },
      select: { text: true, blocks: true },
    });
    if (!v) throw new AppError("not_found", "version_not_found");
    return { text: v.text, blocks: sanitiseBlocks(v.blocks, v.text.length) };
  },
});
