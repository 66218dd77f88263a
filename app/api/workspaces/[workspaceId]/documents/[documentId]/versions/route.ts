import { routeHandler } from "@/lib/server/http/adapt";
import { importVersionOp } from "@/lib/server/import/import-document";
import { fileNameFrom, readBytes } from "@/lib/server/http/read-bytes";
import { IMPORT_LIMITS } from "@/lib/server/import/limits";

export const dynamic = "force-dynamic";

export const POST = routeHandler(
  importVersionOp,
  async (req, params) => ({
    workspaceId: params.workspaceId,
    documentId: params.documentId,
    fileName: fileNameFrom(req),
    bytes: await readBytes(req, IMPORT_LIMITS.maxUploadBytes),
  }),
  (result) => Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } }),
);
