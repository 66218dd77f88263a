import { routeHandler } from "@/lib/server/http/adapt";
import { guestCollabTokenOp } from "@/lib/server/review/open-share";

export const dynamic = "force-dynamic";

/** GET /api/share/<token>/collab-token[?name=…] → { token, url } for a share link's guest (no session). */
export const GET = routeHandler(guestCollabTokenOp, (req, params) => {
  const name = new URL(req.url).searchParams.get("name");
  return { token: String((params as { token?: unknown }).token ?? ""), ...(name !== null ? { guestName: name } : {}), host: req.headers.get("host") };
});
