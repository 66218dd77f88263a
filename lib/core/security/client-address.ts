/**
 * Which address a request comes from, pure. `peer` is the socket's address (stamped by the web
 * process, never taken from the client); `forwardedFor` the X-Forwarded-For chain. With
 * `trustedHops` = 0 only the socket counts; behind N proxies the client is the address N places
 * left of the socket in [...forwardedFor, peer] (each proxy appends the address it saw).
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trustedHops: number): string | null {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // No stamped peer (Next started without the preload): Next appends the socket address only when the
  // client sent no X-Forwarded-For, so the last entry is the best remaining guess.
  const addresses = peer ? [...chain, peer] : chain;
  if (addresses.length === 0) return null;
  const index = Math.max(0, addresses.length - 1 - Math.max(0, trustedHops));
  return addresses[index]!;
}

/** Number of trusted proxy hops from TRUST_PROXY: unset/0/false → 0, true → 1, N → N. */
export function trustedHops(value: string | undefined): number {
  if (!value || value === "0" || value.toLowerCase() === "false") return 0;
  if (value.toLowerCase() === "true") return 1;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 10 ? n : 0;
}

/**
 * A throttling key for an address: IPv4 as is, IPv6 by its /64 prefix (one subscriber usually
 * holds a whole /64 and could otherwise take a fresh budget from every address in it).
 */
export function addressKey(address: string): string {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(":")) return a.slice(0, 64);
  const [head = "", tail = ""] = a.split("::", 2);
  const left = head ? head.split(":") : [];
  const right = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
