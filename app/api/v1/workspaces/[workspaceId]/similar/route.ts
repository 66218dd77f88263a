import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { findSimilarPassagesOp } from "@/lib/server/similar/find-similar";
import { similarParams } from "@/lib/server/similar/similar-params";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspaces/:id/similar?document=ID&start=N&end=M | ?annotation=ID [&limit=N] → { query, passages }. */
export const GET = tokenRouteHandler(findSimilarPassagesOp, similarParams);
