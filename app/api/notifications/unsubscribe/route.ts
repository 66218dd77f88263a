import { routeHandler } from "@/lib/server/http/adapt";
import { unsubscribeOp } from "@/lib/server/notifications/unsubscribe-op";

export const dynamic = "force-dynamic";

const text = (body: string) => new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
const handler = routeHandler(
  unsubscribeOp,
  (req) => ({ token: new URL(req.url).searchParams.get("t") ?? "" }),
  () => text("Notification e-mail is off. / 通知メールを停止しました。\n"),
);

/** The link in a notification e-mail (no session needed). */
export const GET = handler;
/** One-click unsubscribe from mail clients (RFC 8058). */
export const POST = handler;
