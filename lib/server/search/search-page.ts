import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";

export interface SearchPageView {
  workspace: { id: string; slug: string; name: string };
  /** Choices of the search page's filters. */
  documents: { id: string; title: string }[];
  themes: { id: string; name: string }[];
  authors: { id: string; name: string }[];
}

/** What the search page needs besides the results: the workspace and the filters' choices. */
export const getSearchPageOp = defineOperation({
  name: "search.page",
  permission: { kind: "workspace", action: "document.read" },
  input: workspaceRef,
  async run(ctx): Promise<SearchPageView> {
    const where = { workspaceId: ctx.workspaceId };
    const [workspace, documents, themes, members] = await Promise.all([
      prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { id: true, slug: true, name: true } }),
      prisma.document.findMany({ where: { ...where, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, title: true } }),
      prisma.theme.findMany({ where, orderBy: { name: "asc" }, select: { id: true, name: true } }),
      prisma.membership.findMany({ where, orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true } } } }),
    ]);
    return { workspace, documents, themes, authors: members.map((m) => m.user) };
  },
});
