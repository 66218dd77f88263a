/**
 * Next's proxy (the successor of middleware), run before every page and route:
 * - refuses a state-changing request from another origin with 403 `origin_forbidden` before Next
 *   itself sees it (Next answers a foreign server-action Origin with a 500);
 * - sets a Content-Security-Policy with a fresh nonce on the request (Next reads the nonce from
 *   it and puts it on its own scripts; pages may read `x-nonce`) and on the response.
 */
import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin, publicOrigins } from "./lib/core/security/origin";
import { contentSecurityPolicy, socketOrigin } from "./lib/core/security/csp";
import { publicCollabUrl } from "./lib/server/collab/collab-url";

export function proxy(request: NextRequest) {
  const verdict = checkRequestOrigin(
    {
      method: request.method,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
    },
    publicOrigins(process.env),
  );
  if (!verdict.ok)
    return NextResponse.json(
      { ok: false, error: { code: "forbidden", message: "origin_forbidden", details: { reason: verdict.reason } } },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    collabOrigin: socketOrigin(publicCollabUrl(request.headers.get("host"))),
    dev: process.env.NODE_ENV !== "production",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Static assets carry no scripts of their own and need neither a nonce nor the check.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
