/**
 * The search edges: GET /api/v1/workspaces/:id/search through its real route handler with
 * personal API tokens, and `npm run search` as a child process on the run's database.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/v1/workspaces/[workspaceId]/search/route";
import { createApiTokenOp } from "../../lib/server/api-tokens/manage-tokens";
import { prisma } from "../../lib/infra/db/client";
import { searchResultSchema } from "../../lib/core/search";
import { makeWorld, type World } from "../support/factories";
import type { Paper } from "../export/support";
import { paste } from "./support";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
let world: World;
let other: World;
let paper: Paper;

beforeAll(async () => {
  world = await makeWorld();
  other = await makeWorld();
  paper = await paste(world, "検索API論文", "日米「2＋ 2」で拡大抑\n止協議を確認した。\n\n核の傘について。");
  await paste(other, "他所の論文", "拡大抑止協議の秘密。");
}, 60_000);

async function call(workspaceId: string, token: string | null, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const req = new Request(`http://synoptic.test/api/v1/workspaces/${workspaceId}/search${query}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const res = await GET(req, { params: Promise.resolve({ workspaceId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/v1/workspaces/:id/search", () => {
  it("returns hits with offsets into the canonical text, paginated", async () => {
    const { token } = await createApiTokenOp.execute(world.members.viewer, { name: "search" });
    const r = await call(world.workspace.id, token, `?q=${encodeURIComponent("2+2 拡大抑止協議")}&limit=1`);
    expect(r.status).toBe(200);
    const page = searchResultSchema.parse(r.body);
    expect(page).toMatchObject({ total: 2, nextOffset: 1, hits: [{ documentId: paper.id, title: "検索API論文", kind: "text" }] });
    expect(paper.text.slice(page.hits[0]!.start, page.hits[0]!.end)).toBe("2＋ 2");
    const next = searchResultSchema.parse((await call(world.workspace.id, token, `?q=${encodeURIComponent("2+2 拡大抑止協議")}&offset=1&limit=1`)).body);
    expect(paper.text.slice(next.hits[0]!.start, next.hits[0]!.end)).toBe("拡大抑止協議");
    expect(next.nextOffset).toBeNull();
    const filtered = await call(world.workspace.id, token, `?q=${encodeURIComponent("核")}&kind=note,reply`);
    expect(filtered.body).toMatchObject({ total: 0 });
    expect((await call(world.workspace.id, token, `?q=x&kind=bogus`)).status).toBe(400);
    expect((await call(world.workspace.id, token, `?q=x&limit=100000`)).status).toBe(400);
  });

  it("refuses missing tokens, non-members and tokens of another workspace, without leaking", async () => {
    expect((await call(world.workspace.id, null, "?q=核")).status).toBe(401);
    const outsider = await createApiTokenOp.execute(other.members.owner, { name: "elsewhere" });
    const refused = await call(world.workspace.id, outsider.token, `?q=${encodeURIComponent("拡大抑止協議")}`);
    expect(refused).toMatchObject({ status: 404, body: { ok: false, error: { code: "not_found" } } });
    expect(JSON.stringify(refused.body)).not.toContain("拡大");
    // Its own workspace answers, with its own text only.
    const own = searchResultSchema.parse((await call(other.workspace.id, outsider.token, `?q=${encodeURIComponent("拡大抑止協議")}`)).body);
    expect(own.hits.map((h) => h.title)).toEqual(["他所の論文"]);
    // A member of both workspaces whose token is narrowed to the other one.
    await prisma.membership.create({ data: { workspaceId: other.workspace.id, userId: world.members.commenter.id, role: "viewer" } });
    const narrowed = await createApiTokenOp.execute(world.members.commenter, { name: "other only", workspaceId: other.workspace.id });
    expect((await call(world.workspace.id, narrowed.token, "?q=核")).status).toBe(404);
    expect((await call(other.workspace.id, narrowed.token, "?q=核")).status).toBe(200);
  });
});

const cli = (args: string[]) =>
  run(path.join(root, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(root, "scripts", "search.ts"), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: "error" } });

describe("npm run search", () => {
  it("prints one JSON object per hit with offsets into the canonical text", async () => {
    const { stdout } = await cli(["--workspace", world.workspace.slug, "--json", "2+2", "拡大抑止協議"]);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l))).toEqual([["documentId", "title", "kind", "start", "end", "snippet"], ["documentId", "title", "kind", "start", "end", "snippet"]]);
    expect(lines.map((l) => paper.text.slice(l.start as number, l.end as number))).toEqual(["2＋ 2", "拡大抑止協議"]);
    const plain = await cli(["--workspace", world.workspace.slug, "核"]);
    expect(plain.stdout).toContain("検索API論文");
  }, 60_000);

  it("refuses an unknown workspace, and finds nothing of another workspace", async () => {
    await expect(cli(["--workspace", "no-such-workspace", "核"])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("No workspace") });
    await expect(cli(["--workspace", world.workspace.slug, "秘密"])).rejects.toMatchObject({ code: 1, stdout: "" });
    await expect(cli(["--workspace", world.workspace.slug])).rejects.toMatchObject({ code: 2 });
    await expect(cli(["--bogus", "x"])).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
