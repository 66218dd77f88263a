import { routeHandler } from "@/lib/server/http/adapt";
import { optionsFromSearchParams } from "@/lib/core/export";
import { runExportOp } from "@/lib/server/export/export-op";
import { contentDisposition, toReadableStream } from "@/lib/server/export/create-export";

export const dynamic = "force-dynamic";

/**
 * GET /api/workspaces/:id/export?format=md&themes=…&groupBy=theme… → the file as a download.
 * Filters as in `optionsFromSearchParams`; `lang=en|ja` picks the labels inside the file and
 * `tz=Asia/Tokyo` the time zone its dates are written in (UTC when absent or unknown).
 */
export const GET = routeHandler(
  runExportOp,
  (req, params) => {
    const url = new URL(req.url);
    return { workspaceId: params.workspaceId, options: optionsFromSearchParams(url.searchParams), origin: url.origin, locale: url.searchParams.get("lang") ?? undefined, timeZone: url.searchParams.get("tz") ?? undefined };
  },
  (file) =>
    new Response(toReadableStream(file.chunks), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition(file),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    }),
);
