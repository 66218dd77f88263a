import { routeHandler } from "@/lib/server/http/adapt";
import { searchAnnotationsOp } from "@/lib/server/annotations/search-annotations";

export const dynamic = "force-dynamic";

/**
 * GET /api/workspaces/:id/annotations/search?q=…[&document=ID][&limit=N] → the matching
 * annotations as [{ id, documentId, documentTitle, text, authorName }], newest first;
 * `?ids=A,B,…` → those annotations instead (the far ends of links, by id).
 */
export const GET = routeHandler(searchAnnotationsOp, (req, params) => {
  const url = new URL(req.url);
  return {
    workspaceId: params.workspaceId,
    query: url.searchParams.get("q") ?? undefined,
    documentId: url.searchParams.get("document") || undefined,
    limit: url.searchParams.get("limit") ?? undefined,
    ids: url.searchParams.get("ids")?.split(",").filter(Boolean) ?? undefined,
  };
});
