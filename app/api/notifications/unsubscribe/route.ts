import { prisma } from "@/lib/infra/db/client";
import { verifyUnsubscribeToken } from "@/lib/server/notifications/unsubscribe-token";

export const dynamic = "force-dynamic";

/** Switches off notification e-mail for the signed token's user (no session needed). */
async function unsubscribe(req: Request): Promise<Response> {
  const userId = verifyUnsubscribeToken(new URL(req.url).searchParams.get("t") ?? "");
  if (!userId) return new Response("Invalid link / 無効なリンクです\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  await prisma.user.updateMany({ where: { id: userId }, data: { emailMode: "off" } });
  return new Response("Notification e-mail is off. / 通知メールを停止しました。\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export const GET = unsubscribe;
/** One-click unsubscribe from mail clients (RFC 8058). */
export const POST = unsubscribe;
