import { headers } from "next/headers";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getThemeWorkspaceOp } from "@/lib/server/themes/get-theme-workspace";
import { issueCollabTokenOp } from "@/lib/server/collab/issue-collab-token";

/** Shared loader of the themes and matrix pages: workspace, documents, collab token and URL. */
export async function loadThemePage(slug: string, sub: "themes" | "matrix") {
  const path = `/w/${encodeURIComponent(slug)}/${sub}`;
  const actor = await requireActor(path);
  const view = await loadForPage(getThemeWorkspaceOp, { workspaceSlug: slug }, path);
  const collab = await issueCollabTokenOp.execute(actor, { host: (await headers()).get("host"), workspaceId: view.workspace.id });
  return { actor, view, collab };
}
