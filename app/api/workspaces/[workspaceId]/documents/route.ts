import { routeHandler } from "@/lib/server/http/adapt";
import { listDocumentsOp } from "@/lib/server/documents/list-documents";
import { uploadDocumentOp } from "@/lib/server/import/ocr/upload-document";
import { fileNameFrom, readBytes } from "@/lib/server/http/read-bytes";
import { IMPORT_LIMITS } from "@/lib/server/import/limits";

export const dynamic = "force-dynamic";

export const GET = routeHandler(listDocumentsOp, (_req, params) => ({ workspaceId: params.workspaceId }));

/** Upload one file as the raw request body; the browser sends one request per file for per-file progress. */
export const POST = routeHandler(
  uploadDocumentOp,
  async (req, params) => ({ workspaceId: params.workspaceId, fileName: fileNameFrom(req), bytes: await readBytes(req, IMPORT_LIMITS.maxUploadBytes) }),
  (result) => Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } }),
);
