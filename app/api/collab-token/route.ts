import { routeHandler } from "@/lib/server/http/adapt";
import { issueCollabTokenOp } from "@/lib/server/collab/issue-collab-token";

export const dynamic = "force-dynamic";

/** GET /api/collab-token[?document=<name>] → { token, url } (no-store). */
export const GET = routeHandler(issueCollabTokenOp, (req) => {
  const document = new URL(req.url).searchParams.get("document");
  return { ...(document !== null ? { documentName: document } : {}), host: req.headers.get("host") };
});
