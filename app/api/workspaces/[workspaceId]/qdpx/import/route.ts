import { routeHandler } from "@/lib/server/http/adapt";
import { readBytes } from "@/lib/server/http/read-bytes";
import { importQdaOp } from "@/lib/server/interop/qdpx/import-ops";
import { QDPX_LIMITS } from "@/lib/server/interop/qdpx/read-qdpx-zip";

export const dynamic = "force-dynamic";

/**
 * POST /api/workspaces/:id/qdpx/import with a .qdpx (or .qdc) file as the body → the import
 * report. A project invalid against the schema comes back as `invalid_input` with its errors,
 * and nothing is imported.
 */
export const POST = routeHandler(importQdaOp, async (req, params) => ({ workspaceId: params.workspaceId, bytes: await readBytes(req, QDPX_LIMITS.maxBytes) }));
