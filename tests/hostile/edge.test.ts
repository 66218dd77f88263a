/**
 * Hostile requests against the web edge (`npm run test:hostile`): forged origins on every
 * state-changing route and on server actions, hostile JSON bodies and uploads, the REST API with
 * forged tokens and parameters, and sign-in guessing. Every case prints its outcome; none may
 * answer 500, be accepted, or leave anything stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "../../proxy";
import { POST as workspacesPOST } from "../../app/api/workspaces/route";
import { POST as documentsPOST } from "../../app/api/workspaces/[workspaceId]/documents/route";
import { POST as versionsPOST } from "../../app/api/workspaces/[workspaceId]/documents/[documentId]/versions/route";
import { POST as importPOST } from "../../app/api/workspaces/[workspaceId]/annotations/import/route";
import { GET as apiAnnotations } from "../../app/api/v1/workspaces/[workspaceId]/annotations/route";
import { GET as apiDocuments } from "../../app/api/v1/workspaces/[workspaceId]/documents/route";
import { createApiTokenOp, revokeApiTokenOp, listApiTokensOp } from "../../lib/server/api-tokens/manage-tokens";
import { createWorkspaceOp } from "../../lib/server/workspaces/create-workspace";
import { renameWorkspaceOp } from "../../lib/server/workspaces/rename-workspace";
import { importDocumentOp } from "../../lib/server/import/import-document";
import { importAnnotationsOp } from "../../lib/server/interop/import-annotations";
import { readJson } from "../../lib/server/http/read-json";
import { registerUserOp } from "../../lib/server/accounts/register-user";
import { verifyCredentials } from "../../lib/server/accounts/verify-credentials";
import { clientKeyFromHeaders } from "../../lib/server/http/client-key";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, type World } from "../support/factories";
import { fromResponse, record, refusal, results } from "./support";

let world: World;
let startedAt: Date;
beforeAll(async () => {
  startedAt = new Date();
  world = await makeWorld();
  process.env.NEXTAUTH_URL = "http://app.test:3000";
});
afterAll(() => void delete process.env.NEXTAUTH_URL);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const enc = new TextEncoder();

describe("forged origins on state-changing routes", () => {
  const routes: Array<[string, Handler, Record<string, string>]> = [
    ["POST /api/workspaces", workspacesPOST as Handler, {}],
    ["POST documents (upload)", documentsPOST as Handler, { workspaceId: "w" }],
    ["POST document versions", versionsPOST as Handler, { workspaceId: "w", documentId: "d" }],
    ["POST annotations/import", importPOST as Handler, { workspaceId: "w" }],
  ];
  const forgeries: Array<[string, Record<string, string>]> = [
    ["Origin http://evil.example, text/plain", { origin: "http://evil.example", "content-type": "text/plain" }],
    ["Origin null (sandboxed iframe)", { origin: "null" }],
    ["another port of the same host", { origin: "http://app.test:4000", host: "app.test:3000" }],
    ["look-alike host app.test.evil.example", { origin: "http://app.test.evil.example:3000" }],
    ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["no Origin, Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
  ];
  for (const [route, handler, params] of routes)
    for (const [forgery, headers] of forgeries)
      it(`${route}: ${forgery}`, async () => {
        const req = new Request("http://app.test:3000/x", { method: "POST", headers: { host: "app.test:3000", ...headers }, body: '{"name":"pwned"}' });
        const o = record("origin", `${route}: ${forgery}`, await fromResponse(await handler(req, { params: Promise.resolve(params) })));
        expect(o.status).toBe(403);
      });

  const action = (headers: Record<string, string>) =>
    new NextRequest("http://app.test:3000/w", { method: "POST", headers: { host: "app.test:3000", "next-action": "0123abcd", "content-type": "text/plain;charset=UTF-8", ...headers }, body: "[]" });
  it("server action with a foreign Origin → 403 before Next (not 500)", async () => {
    const res = proxy(action({ origin: "http://evil.example" }));
    expect(record("action", "server action, Origin http://evil.example", await fromResponse(res)).status).toBe(403);
  });
  it("server action from another port of the same host → 403", async () => {
    const res = proxy(action({ origin: "http://app.test:3001" }));
    expect(record("action", "server action, Origin http://app.test:3001", await fromResponse(res)).status).toBe(403);
  });
  it("server action with Sec-Fetch-Site cross-site → 403", async () => {
    const res = proxy(action({ "sec-fetch-site": "cross-site" }));
    expect(record("action", "server action, Sec-Fetch-Site cross-site", await fromResponse(res)).status).toBe(403);
  });
  it("server action from our own origin passes the proxy, with a CSP nonce", async () => {
    const res = proxy(action({ origin: "http://app.test:3000" }));
    const csp = res.headers.get("content-security-policy") ?? "";
    record("action", "server action, own origin (control)", { status: res.status, accepted: false, detail: csp.includes("'nonce-") ? "csp with nonce" : "NO CSP" });
    expect(res.status).toBe(200);
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("hostile JSON bodies", () => {
  const owner = () => world.members.owner;
  const bodies: Array<[string, () => Promise<unknown>]> = [
    ["invalid JSON", () => readJson(new Request("http://x/", { method: "POST", body: "{name:" }))],
    ["body larger than the limit (declared)", () => readJson(new Request("http://x/", { method: "POST", headers: { "content-length": String(10 ** 9) }, body: "{}" }))],
    ["body larger than the limit (undeclared)", () => readJson(new Request("http://x/", { method: "POST", body: `"${"x".repeat(70_000)}"` }))],
    ["workspace: __proto__ pollution", () => createWorkspaceOp.execute(owner(), JSON.parse('{"__proto__":{"admin":true},"name":{"toString":1}}'))],
    ["workspace: name is an array", () => createWorkspaceOp.execute(owner(), { name: ["a", "b"] })],
    ["workspace: name of 100,000 characters", () => createWorkspaceOp.execute(owner(), { name: "長".repeat(100_000) })],
    ["workspace: bidi and control characters", () => createWorkspaceOp.execute(owner(), { name: "\u202egnp.exe\u0000" })],
    ["workspace: null body", () => createWorkspaceOp.execute(owner(), null)],
    ["workspace: 5,000-deep nesting", () => createWorkspaceOp.execute(owner(), JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`))],
    ["rename: a workspace of someone else (forged id)", () => renameWorkspaceOp.execute(world.outsider, { workspaceId: world.workspace.id, name: "mine now" })],
    ["rename: viewer renames", () => renameWorkspaceOp.execute(world.members.viewer, { workspaceId: world.workspace.id, name: "viewer was here" })],
    ["rename: workspaceId is an object", () => renameWorkspaceOp.execute(owner(), { workspaceId: { $ne: null }, name: "x" })],
    ["token: name with 10,000 characters", () => createApiTokenOp.execute(owner(), { name: "t".repeat(10_000) })],
    ["token: revoke someone else's token id", () => revokeApiTokenOp.execute(world.outsider, { tokenId: "c".repeat(25) })],
  ];
  for (const [name, run] of bodies)
    it(name, async () => {
      const o = record("json", name, await refusal(run));
      expect(o.accepted).toBe(false);
      expect(o.status).toBeGreaterThanOrEqual(400);
      expect(o.status).toBeLessThan(500);
    });
});

describe("hostile uploads", () => {
  const upload = (fileName: string, bytes: Uint8Array) => () => importDocumentOp.execute(world.members.editor, { workspaceId: world.workspace.id, fileName, bytes });
  const zipHeader = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array(60).fill(0)]);
  const cases: Array<[string, () => Promise<unknown>]> = [
    ["empty file", upload("empty.txt", new Uint8Array())],
    ["binary garbage named .txt", upload("garbage.txt", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["truncated zip named .docx", upload("broken.docx", zipHeader)],
    ["PDF header only", upload("broken.pdf", enc.encode("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n"))],
    ["executable named .md", upload("evil.md", Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]))],
    ["unknown extension .exe", upload("evil.exe", enc.encode("hello"))],
    ["file name with path traversal", upload("../../etc/passwd", enc.encode("root:x:0:0"))],
    ["viewer uploads", () => importDocumentOp.execute(world.members.viewer, { workspaceId: world.workspace.id, fileName: "a.txt", bytes: enc.encode("日本語のテキスト。") })],
    ["annotations import: not JSON", () => importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: enc.encode("<xml/>") })],
    ["annotations import: 5,000 annotations", () => importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: enc.encode(JSON.stringify(Array.from({ length: 5000 }, () => ({ type: "Annotation" })))) })],
    ["annotations import: targets another workspace's document", () => importAnnotationsOp.execute(world.members.editor, { workspaceId: world.workspace.id, bytes: enc.encode(JSON.stringify([{ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", target: { source: "urn:synoptic:document:other", selector: [{ type: "TextQuoteSelector", exact: "x" }] } }])) })],
    ["annotations import: commenter", () => importAnnotationsOp.execute(world.members.commenter, { workspaceId: world.workspace.id, bytes: enc.encode("[]") })],
  ];
  for (const [name, run] of cases)
    it(name, async () => {
      const o = record("upload", name, await refusal(run));
      expect(o.status).not.toBe(500);
      expect(o.accepted).toBe(false);
    });
  it("left no document behind", async () => {
    const stored = await prisma.document.count({ where: { workspaceId: world.workspace.id } });
    expect(record("upload", "documents stored by the hostile uploads", { status: 0, accepted: stored > 0, detail: `${stored} documents` }).accepted).toBe(false);
  });
});

describe("REST API", () => {
  const call = async (handler: Handler, workspaceId: string, auth: string | null, query = "") =>
    fromResponse(await handler(new Request(`http://app.test/api/v1/workspaces/${workspaceId}/x${query}`, { headers: auth === null ? {} : { authorization: auth } }), { params: Promise.resolve({ workspaceId }) }));
  let token = "";
  let otherToken = "";
  beforeAll(async () => {
    token = (await createApiTokenOp.execute(world.members.viewer, { name: "hostile" })).token;
    otherToken = (await createApiTokenOp.execute(world.outsider, { name: "outsider" })).token;
  });
  const cases: Array<[string, () => Promise<{ status: number; accepted: boolean; detail: string }>, number[]]> = [
    ["no token", () => call(apiAnnotations as Handler, world.workspace.id, null), [401]],
    ["Bearer of random bytes", () => call(apiAnnotations as Handler, world.workspace.id, `Bearer ${"A".repeat(40)}`), [401]],
    ["Basic auth instead of Bearer", () => call(apiAnnotations as Handler, world.workspace.id, "Basic YWRtaW46YWRtaW4="), [401]],
    ["a JWT with alg none", () => call(apiAnnotations as Handler, world.workspace.id, "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."), [401]],
    ["an outsider's valid token", () => call(apiDocuments as Handler, world.workspace.id, `Bearer ${otherToken}`), [404]],
    ["pageSize=-1", () => call(apiAnnotations as Handler, world.workspace.id, `Bearer ${token}`, "?pageSize=-1"), [400]],
    ["page=1e309", () => call(apiAnnotations as Handler, world.workspace.id, `Bearer ${token}`, "?page=1e309"), [400]],
    ["pageSize=10000000", () => call(apiAnnotations as Handler, world.workspace.id, `Bearer ${token}`, "?pageSize=10000000"), [400]],
    ["workspace id with SQL", () => call(apiAnnotations as Handler, "x' OR '1'='1", `Bearer ${token}`), [404]],
  ];
  for (const [name, run, statuses] of cases)
    it(name, async () => {
      const o = record("api", name, await run());
      expect(statuses).toContain(o.status);
    });
  it("a revoked token stops at once", async () => {
    const tokens = await listApiTokensOp.execute(world.members.viewer, {});
    for (const t of tokens as Array<{ id: string }>) await revokeApiTokenOp.execute(world.members.viewer, { tokenId: t.id });
    expect(record("api", "revoked token", await call(apiAnnotations as Handler, world.workspace.id, `Bearer ${token}`)).status).toBe(401);
  });
});

describe("sign-in and registration", () => {
  const email = `hostile-${Date.now().toString(36)}@test.local`;
  const PASSWORD = "a long and good passphrase";
  beforeAll(async () => {
    await registerUserOp.execute(null, { name: "Owner", email, password: PASSWORD });
    await verifyCredentials(email, PASSWORD, "ip:192.0.2.1"); // the owner's usual client
  });
  const attempt = (e: unknown, p: unknown, client: string) => refusal(() => verifyCredentials(e, p, client));
  const cases: Array<[string, () => Promise<{ status: number; accepted: boolean; detail: string }>]> = [
    ["password of 1 MB", () => attempt(email, "x".repeat(1_000_000), "ip:198.51.100.1")],
    ["password is an object", () => attempt(email, { $gt: "" }, "ip:198.51.100.1")],
    ["email with CRLF header injection", () => attempt(`${email}\r\nBcc: all@evil.example`, PASSWORD + "x", "ip:198.51.100.1")],
    ["email is an array", () => attempt([email], PASSWORD, "ip:198.51.100.1")],
    ["SQL in the email", () => attempt("' OR 1=1 --@x.y", PASSWORD, "ip:198.51.100.1")],
    ["unknown account", () => attempt("nobody-at-all@test.local", PASSWORD, "ip:198.51.100.1")],
  ];
  for (const [name, run] of cases)
    it(name, async () => {
      const o = record("signin", name, await run());
      expect(o.accepted).toBe(false);
      expect(o.status).not.toBe(500);
    });
  it("a forged X-Forwarded-For gives no fresh budget (TRUST_PROXY off)", async () => {
    const keys = new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((ip) => clientKeyFromHeaders(new Headers({ "x-synoptic-peer": "203.0.113.9", "x-forwarded-for": ip }))));
    expect(record("signin", "rotating X-Forwarded-For from one socket", { status: 0, accepted: keys.size > 1, detail: [...keys].join(",") }).accepted).toBe(false);
  });
  it("60 guesses from rotating clients neither succeed nor lock the owner out", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) outcomes.push((await attempt(email, `guess ${i}`, `ip:203.0.113.${i}`)).detail);
    const limited = outcomes.filter((o) => o.startsWith("rate_limited")).length;
    record("signin", "60 guesses from 60 addresses", { status: 429, accepted: outcomes.some((o) => o === "ok"), detail: `${limited} throttled` });
    expect(limited).toBeGreaterThan(40);
    const owner = await attempt(email, PASSWORD, "ip:192.0.2.1");
    expect(record("signin", "owner signs in from the usual client during the attack", { ...owner, accepted: false }).status).toBe(200);
  });
  it("registration of a taken address answers like a new one and keeps the password", async () => {
    const a = await registerUserOp.execute(null, { name: "Thief", email, password: "attacker chosen password" });
    const b = await registerUserOp.execute(null, { name: "New", email: `fresh-${Date.now()}@test.local`, password: PASSWORD });
    const kept = await attempt(email, "attacker chosen password", "ip:192.0.2.1");
    record("signin", "register a taken address", { status: 200, accepted: kept.status === 200 || Object.keys(a).join() !== Object.keys(b).join(), detail: kept.detail });
    expect(kept.status).toBe(401);
  });
});

describe("summary", () => {
  it("no 500, no accepted forgery, nothing stored by the attacks", async () => {
    const stored = await prisma.workspace.count({ where: { createdAt: { gte: startedAt }, name: { in: ["pwned", "mine now", "viewer was here"] } } });
    const renamed = await prisma.workspace.findUniqueOrThrow({ where: { id: world.workspace.id } });
    const fivehundreds = results.filter((r) => r.status === 500);
    const accepted = results.filter((r) => r.accepted);
    console.log(`hostile | summary: ${results.length} cases, ${fivehundreds.length} answered 500, ${accepted.length} accepted, ${stored} workspaces stored, name kept: ${renamed.name === world.workspace.name}`);
    expect(results.length).toBeGreaterThanOrEqual(50);
    expect(fivehundreds).toEqual([]);
    expect(accepted).toEqual([]);
    expect(stored).toBe(0);
    expect(renamed.name).toBe(world.workspace.name);
  });
});
