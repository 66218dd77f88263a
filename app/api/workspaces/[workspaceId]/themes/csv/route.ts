import { getLocale } from "next-intl/server";
import { routeHandler } from "@/lib/server/http/adapt";
import { exportThemesCsvOp, type CsvFile } from "@/lib/server/themes/export-themes-csv";

export const dynamic = "force-dynamic";

/** GET /api/workspaces/:id/themes/csv?kind=matrix|cooccurrence → text/csv (UTF-8 with BOM). */
export const GET = routeHandler(
  exportThemesCsvOp,
  async (req, params) => ({ workspaceId: params.workspaceId, kind: new URL(req.url).searchParams.get("kind") ?? "matrix", locale: await getLocale() }),
  (file: CsvFile) =>
    new Response(file.body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    }),
);
