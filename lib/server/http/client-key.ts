/**
 * A key for the client behind a request, for throttling. Behind a proxy the first
 * X-Forwarded-For hop is used; set TRUST_PROXY=0 to ignore forwarded headers.
 */
export function clientKeyFromHeaders(headers: Headers): string {
  if (process.env.TRUST_PROXY !== "0") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
    const real = headers.get("x-real-ip")?.trim();
    if (real) return real.slice(0, 64);
  }
  return "direct";
}
