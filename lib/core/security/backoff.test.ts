import { describe, expect, it } from "vitest";
import { SIGN_IN, waitMs } from "./backoff";
import { addressKey, clientAddress, trustedHops } from "./client-address";

describe("waitMs", () => {
  const p = { free: 3, baseMs: 1000, capMs: 8000, windowMs: 60_000 };
  it("lets the free failures through, then doubles the wait after the last failure up to the cap", () => {
    expect(waitMs([1, 2], 10, p)).toBe(0);
    expect(waitMs([0, 0, 0], 0, p)).toBe(1000);
    expect(waitMs([0, 0, 0], 400, p)).toBe(600);
    expect(waitMs([0, 0, 0, 0], 0, p)).toBe(2000);
    expect(waitMs(Array(20).fill(0), 0, p)).toBe(8000);
    expect(waitMs(Array(20).fill(0), 8000, p)).toBe(0);
  });
  it("forgets failures outside the window", () => {
    expect(waitMs([0, 0, 0, 0], 61_000, p)).toBe(0);
  });
  it("never holds an account for longer than 30 s after its last failure", () => {
    expect(waitMs(Array(1000).fill(0), 30_000, SIGN_IN.account)).toBe(0);
  });
});

describe("clientAddress", () => {
  it("uses the socket unless proxies are trusted", () => {
    expect(clientAddress("10.0.0.9", "6.6.6.6", 0)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.9", "6.6.6.6, 1.2.3.4", 1)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.9", "6.6.6.6, 1.2.3.4, 10.0.0.8", 2)).toBe("1.2.3.4");
    expect(clientAddress("10.0.0.9", null, 3)).toBe("10.0.0.9");
    expect(clientAddress(null, null, 0)).toBeNull();
  });
  it("reads TRUST_PROXY as a number of hops, off by default", () => {
    expect([undefined, "0", "false", "junk", "1", "true", "2"].map(trustedHops)).toEqual([0, 0, 0, 0, 1, 1, 2]);
  });
  it("keys IPv6 by its /64 and unwraps IPv4-mapped addresses", () => {
    expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb::7")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});
