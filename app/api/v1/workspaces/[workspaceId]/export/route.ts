import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { optionsFromSearchParams } from "@/lib/core/export";
import { runExportOp } from "@/lib/server/export/export-op";
import { contentDisposition, toReadableStream } from "@/lib/server/export/create-export";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/workspaces/:id/export?format=qdpx|qdc|md|csv|html|jsonld|docx|pdf[&filters] with a
 * personal API token → the file, as the export builder's download (filters as in
 * `optionsFromSearchParams`). Any member's token may export (`export.run`).
 */
export const GET = tokenRouteHandler(
  runExportOp,
  (req, params) => {
    const url = new URL(req.url);
    return { workspaceId: params.workspaceId, options: optionsFromSearchParams(url.searchParams), origin: url.origin, locale: url.searchParams.get("lang") ?? undefined };
  },
  (file) =>
    new Response(toReadableStream(file.chunks), {
      headers: { "Content-Type": file.contentType, "Content-Disposition": contentDisposition(file), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
    }),
);
