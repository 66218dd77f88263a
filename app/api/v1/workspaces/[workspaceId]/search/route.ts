import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { searchParamsFromUrl, searchWorkspaceOp } from "@/lib/server/search/search-op";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/workspaces/:id/search?q=…[&document=ID][&kind=text|annotation|note|reply][&theme=ID][&author=ID][&offset=N&limit=M]
 * → hits with snippets (docs/search.md).
 */
export const GET = tokenRouteHandler(searchWorkspaceOp, (req, params) => ({ workspaceId: params.workspaceId, ...searchParamsFromUrl(new URL(req.url)) }));
