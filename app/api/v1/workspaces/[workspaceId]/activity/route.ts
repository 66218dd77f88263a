import { tokenRouteHandler } from "@/lib/server/api-tokens/token-route";
import { listActivityOp } from "@/lib/server/activity/activity-ops";

export const dynamic = "force-dynamic";

const FILTERS = ["cursor", "limit", "actorId", "documentId", "annotationId", "themeId", "kind", "group", "since", "until"] as const;

/**
 * GET /api/v1/workspaces/:id/activity[?cursor=ID&limit=N&actorId=&documentId=&themeId=&kind=&group=&since=&until=]
 * → `{ items, nextCursor }`, newest first; pass `nextCursor` back as `cursor` for the next page.
 */
export const GET = tokenRouteHandler(
  listActivityOp,
  (req, params) => {
    const q = new URL(req.url).searchParams;
    const input: Record<string, unknown> = { workspaceId: params.workspaceId };
    for (const k of FILTERS) {
      const v = q.get(k);
      if (v) input[k] = v;
    }
    return input;
  },
  (page) => Response.json(page, { headers: { "Cache-Control": "no-store" } }),
);
