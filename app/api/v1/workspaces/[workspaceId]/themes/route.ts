import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { apiThemesOp } from "@/lib/server/api/api-ops";
import { pageParams } from "@/lib/server/api/pagination";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/workspaces/:id/themes[?page=N&pageSize=M] → live themes in tree order (parents
 * before children), each with `parentId` (null at the top) and sibling `order` (see apiThemesOp).
 */
export const GET = tokenRouteHandler(apiThemesOp, (req, params) => ({ workspaceId: params.workspaceId, ...pageParams(req) }));
