import { addressKey, clientAddress, trustedHops } from "../../core/security/client-address";

/**
 * A key for the client behind a request, for throttling: the socket's address (stamped as
 * `x-synoptic-peer` by scripts/start/peer-address.mjs), or behind TRUST_PROXY=N proxies the
 * address the outermost trusted proxy saw. IPv6 clients are keyed by their /64.
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const address = clientAddress(headers.get("x-synoptic-peer"), headers.get("x-forwarded-for"), trustedHops(process.env.TRUST_PROXY));
  return address ? `ip:${addressKey(address)}` : "ip:unknown";
}
