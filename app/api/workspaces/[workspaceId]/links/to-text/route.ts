import { routeHandler } from "@/lib/server/http/adapt";
import { readJson } from "@/lib/server/http/read-json";
import { linkToTextOp } from "@/lib/server/links/link-to-text";

export const dynamic = "force-dynamic";

/**
 * POST /api/workspaces/:id/links/to-text with LinkToTextInput (lib/core/similar/schemas.ts, minus
 * `workspaceId`) → LinkToTextResult: the far-end annotation and the link, created in one step.
 */
export const POST = routeHandler(linkToTextOp, async (req, params) => ({ ...((await readJson(req)) as object), workspaceId: params.workspaceId }));
