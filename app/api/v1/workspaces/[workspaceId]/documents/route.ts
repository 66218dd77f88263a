import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { apiDocumentsOp } from "@/lib/server/api/api-ops";
import { pageParams } from "@/lib/server/api/pagination";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspaces/:id/documents[?page=N&pageSize=M] */
export const GET = tokenRouteHandler(apiDocumentsOp, (req, params) => ({ workspaceId: params.workspaceId, ...pageParams(req) }));
