import { routeHandler } from "@/lib/server/http/adapt";
import { findSimilarPassagesOp } from "@/lib/server/similar/find-similar";
import { similarParams } from "@/lib/server/similar/similar-params";

export const dynamic = "force-dynamic";

/**
 * GET /api/workspaces/:id/similar?document=ID&start=N&end=M (a passage of the current version)
 * or ?annotation=ID, [&limit=1..10] → FindSimilarResult (lib/core/similar/schemas.ts).
 */
export const GET = routeHandler(findSimilarPassagesOp, similarParams);
