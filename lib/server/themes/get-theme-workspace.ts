import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { workspaceRef } from "../workspaces/schemas";
import type { AnalysisDocument } from "../../core/themes";
import type { Role } from "../../core/roles";
import { listAnalysisDocuments } from "./list-analysis-documents";

export interface ThemeWorkspaceView {
  workspace: { id: string; slug: string; name: string; role: Role };
  documents: AnalysisDocument[];
}

/**
 * What the themes and matrix pages need from the database: the workspace and its documents
 * (latest version id and length, for coverage). Themes and annotations come live from the
 * Y.Docs in the browser.
 */
export const getThemeWorkspaceOp = defineOperation({
  name: "themes.workspace",
  permission: { kind: "workspace", action: "document.read" },
  input: workspaceRef,
  async run(ctx): Promise<ThemeWorkspaceView> {
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: ctx.workspaceId }, select: { id: true, slug: true, name: true } });
    return { workspace: { ...ws, role: ctx.role }, documents: await listAnalysisDocuments(ctx.workspaceId) };
  },
});
