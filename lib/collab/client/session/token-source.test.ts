import { afterEach, describe, expect, it, vi } from "vitest";
import { collabTokenSource } from "./token-source";

afterEach(() => vi.unstubAllGlobals());

/** A fetch standing in for /api/collab-token: answers tokens t1, t2, … or fails when told to. */
function tokenEndpoint() {
  const state = { calls: 0, fail: false };
  vi.stubGlobal("fetch", async () => {
    state.calls++;
    if (state.fail) return new Response("no", { status: 503 });
    return Response.json({ token: `t${state.calls}`, url: "ws://collab" });
  });
  return state;
}

describe("collabTokenSource", () => {
  it("gives the page's token while fresh, then one fetched token to every caller at once", async () => {
    const endpoint = tokenEndpoint();
    let now = 0;
    const token = collabTokenSource("initial", () => now);
    expect(await token()).toBe("initial");
    now = 3 * 60_000;
    expect(await token()).toBe("initial");
    expect(endpoint.calls).toBe(0);
    now = 5 * 60_000;
    const [a, b, c] = await Promise.all([token(), token(), token()]);
    expect([a, b, c]).toEqual(["t1", "t1", "t1"]);
    expect(endpoint.calls).toBe(1);
  });

  it("does not keep a failed fetch: the next reconnect asks again", async () => {
    const endpoint = tokenEndpoint();
    let now = 0;
    const token = collabTokenSource("initial", () => now);
    now = 5 * 60_000;
    endpoint.fail = true;
    await expect(token()).rejects.toThrow("collab token: 503");
    endpoint.fail = false;
    expect(await token()).toBe("t2");
  });
});
