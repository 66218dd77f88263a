import { routeHandler } from "@/lib/server/http/adapt";
import { readBytes } from "@/lib/server/http/read-bytes";
import { IMPORT_MAX_BYTES } from "@/lib/core/export";
import { importAnnotationsOp } from "@/lib/server/interop/import-annotations";

export const dynamic = "force-dynamic";

/**
 * POST /api/workspaces/:id/annotations/import[?document=ID][&dryRun=1] with the JSON file as the
 * body → the anchoring report. Schema problems come back as `invalid_input` with every issue.
 */
export const POST = routeHandler(importAnnotationsOp, async (req, params) => {
  const url = new URL(req.url);
  return {
    workspaceId: params.workspaceId,
    documentId: url.searchParams.get("document") || undefined,
    dryRun: ["1", "true"].includes(url.searchParams.get("dryRun") ?? ""),
    bytes: await readBytes(req, IMPORT_MAX_BYTES),
  };
});
