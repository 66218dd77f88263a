import { routeHandler } from "@/lib/server/http/adapt";
import { getVersionTextOp } from "@/lib/server/documents/get-version-text";

export const dynamic = "force-dynamic";

/**
 * GET a version's text and blocks. Versions are immutable and the URL names one, so the browser
 * keeps the (compressed) response for good; `private` because it needs the reader's session.
 */
export const GET = routeHandler(
  getVersionTextOp,
  (_req, params) => ({ workspaceId: params.workspaceId, documentId: params.documentId, versionId: params.versionId }),
  (result) => Response.json(result, { headers: { "Cache-Control": "private, max-age=31536000, immutable" } }),
);
