import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { apiAnnotationsOp } from "@/lib/server/api/api-ops";
import { pageParams } from "@/lib/server/api/pagination";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspaces/:id/annotations[?document=ID&page=N&pageSize=M] → W3C AnnotationPage. */
export const GET = tokenRouteHandler(
  apiAnnotationsOp,
  (req, params) => ({ workspaceId: params.workspaceId, documentId: new URL(req.url).searchParams.get("document") || undefined, origin: new URL(req.url).origin, ...pageParams(req) }),
  (page) => Response.json(page, { headers: { "Content-Type": "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"", "Cache-Control": "no-store" } }),
);
