import { describe, expect, it } from "vitest";
import { checkRequestOrigin, publicOrigins } from "./origin";

const allowed = publicOrigins({ NEXTAUTH_URL: "https://app.example/base", COLLAB_ALLOWED_ORIGINS: " https://other.example:8443 ,bad url" });
const post = (h: Partial<{ origin: string; secFetchSite: string; host: string }>) =>
  checkRequestOrigin({ method: "POST", origin: h.origin ?? null, secFetchSite: h.secFetchSite ?? null, host: h.host ?? null }, allowed);

describe("checkRequestOrigin", () => {
  it("reads the configured origins", () => {
    expect(allowed).toEqual(["https://app.example", "https://other.example:8443"]);
  });
  it("lets safe methods through whatever the origin", () => {
    expect(checkRequestOrigin({ method: "GET", origin: "http://evil.example", secFetchSite: "cross-site", host: null }, allowed)).toEqual({ ok: true });
  });
  it("accepts our origins and the request's own host", () => {
    expect(post({ origin: "https://app.example" }).ok).toBe(true);
    expect(post({ origin: "https://other.example:8443" }).ok).toBe(true);
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }).ok).toBe(true);
  });
  it("refuses foreign origins, other ports of the same host and opaque origins", () => {
    expect(post({ origin: "http://evil.example", host: "app.example" })).toEqual({ ok: false, reason: "foreign_origin" });
    expect(post({ origin: "http://localhost:4000", host: "localhost:3000" }).ok).toBe(false);
    expect(post({ origin: "null" }).ok).toBe(false);
    expect(post({ origin: "https://app.example.evil.example" }).ok).toBe(false);
  });
  it("falls back to Sec-Fetch-Site, and lets non-browser clients through", () => {
    expect(post({ secFetchSite: "same-origin" }).ok).toBe(true);
    expect(post({ secFetchSite: "same-site" })).toEqual({ ok: false, reason: "cross_site_fetch" });
    expect(post({ secFetchSite: "cross-site" }).ok).toBe(false);
    expect(post({}).ok).toBe(true);
  });
});
