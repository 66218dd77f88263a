import { z } from "zod";
import { idSchema } from "../../core/validation";
import { prisma } from "../../infra/db/client";
import { defineOperation } from "../ops/define";
import { loadThemes } from "./load-sources";

/**
 * What the export builder offers: documents, themes and authors of the workspace. Themes come
 * in tree order with their parent and depth, so the builder can show the hierarchy.
 */
export const exportChoicesOp = defineOperation({
  name: "export.choices",
  permission: { kind: "workspace", action: "export.run" },
  input: z.object({ workspaceId: idSchema }),
  async run(ctx) {
    const [documents, themes, authors] = await Promise.all([
      prisma.document.findMany({ where: { workspaceId: ctx.workspaceId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { title: "asc" }], select: { id: true, title: true } }),
      loadThemes(ctx.workspaceId),
      prisma.annotation.groupBy({ by: ["authorId", "authorName"], where: { workspaceId: ctx.workspaceId }, orderBy: { authorName: "asc" } }),
    ]);
    const seen = new Set<string>();
    return {
      documents,
      themes: themes.map(({ id, name, colour, parentId, depth }) => ({ id, name, colour, parentId, depth })),
      authors: authors.filter((a) => !seen.has(a.authorId) && seen.add(a.authorId)).map((a) => ({ id: a.authorId, name: a.authorName })),
    };
  },
});
