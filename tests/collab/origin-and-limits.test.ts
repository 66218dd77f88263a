/** Origin check, flood control and the message size cap. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationsDocName } from "../../lib/collab/model";
import type { CollabServer } from "../../lib/collab/server";
import { makeWorld, type World } from "../support/factories";
import { connect, disconnectAll, makeDocument, ORIGIN, outcomeOf, startCollab, token, waitFor } from "./support/harness";

let server: CollabServer;
let world: World;
let name: string;

beforeAll(async () => {
  server = await startCollab({ limits: { perAddress: 5, upgradesPerMinute: 1000 }, maxMessageBytes: 64 * 1024 });
  world = await makeWorld();
  const paper = await makeDocument(world.workspace.id, world.members.owner.id);
  name = annotationsDocName(world.workspace.id, paper.id);
});
afterEach(() => disconnectAll());
afterAll(() => server.destroy());

/** Opens a raw WebSocket and reports how the handshake ended. */
function handshake(headers: Record<string, string>): Promise<"open" | "refused"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.url, { headers } as unknown as string[]);
    ws.onopen = () => {
      ws.close();
      resolve("open");
    };
    ws.onerror = () => resolve("refused");
  });
}

describe("origin", () => {
  it("accepts the app's origin and refuses others before the upgrade", async () => {
    expect(await handshake({ origin: ORIGIN })).toBe("open");
    expect(await handshake({ origin: "https://evil.example" })).toBe("refused");
    expect(await handshake({ origin: "null" })).toBe("refused");
  });

  it("lets a client without Origin in only with a server-side token", async () => {
    const owner = world.members.owner.id;
    expect(await outcomeOf(connect(server, name, owner, { origin: null, kind: "server" }))).toBe("ok");
    expect(await outcomeOf(connect(server, name, owner, { origin: null, kind: "browser" }))).toBe("origin-required");
  });
});

describe("limits", () => {
  it("refuses a flood of connections from one address", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => handshakeAndHold()));
    expect(results.filter((r) => r.state === "open").length).toBeLessThanOrEqual(5);
    expect(results.some((r) => r.state === "refused")).toBe(true);
    for (const r of results) r.ws?.close();
  });

  it("closes a socket that sends an oversized message, and keeps serving others", async () => {
    const good = connect(server, name, world.members.owner.id);
    await good.ready;
    const ws = new WebSocket(server.url, { headers: { origin: ORIGIN } } as unknown as string[]);
    await new Promise((r) => (ws.onopen = r));
    const closed = new Promise<number>((r) => (ws.onclose = (e) => r(e.code)));
    ws.send(new Uint8Array(200 * 1024));
    expect(await closed).toBe(1009);
    await waitFor(async () => (await outcomeOf(connect(server, name, world.members.owner.id))) === "ok", "server still serving");
    expect(await token(world.members.owner.id)).toBeTruthy();
  });
});

function handshakeAndHold(): Promise<{ state: "open" | "refused"; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(server.url, { headers: { origin: ORIGIN } } as unknown as string[]);
    ws.onopen = () => resolve({ state: "open", ws });
    ws.onerror = () => resolve({ state: "refused" });
  });
}
