import { routeHandler } from "@/lib/server/http/adapt";
import { healthOp } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

export const GET = routeHandler(healthOp, () => ({}), (report) =>
  Response.json(report, { status: report.database.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } }),
);
