import { routeHandler } from "@/lib/server/http/adapt";
import { searchParamsFromUrl, searchWorkspaceOp } from "@/lib/server/search/search-op";

export const dynamic = "force-dynamic";

/**
 * GET /api/workspaces/:id/search?q=…[&document=ID][&kind=…][&theme=ID][&author=ID][&offset=N&limit=M]
 * → SearchResult (docs/search.md): the session twin of the /api/v1 route, for the search page and panes.
 */
export const GET = routeHandler(searchWorkspaceOp, (req, params) => ({ workspaceId: params.workspaceId, ...searchParamsFromUrl(new URL(req.url)) }));
