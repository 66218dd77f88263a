/** `npm run export` (scripts/export.ts) against the run's database, as a child process. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import type { World } from "../support/factories";
import { annotate, importDemoPaper, makeWorld, startCollabForExport, writeThemes } from "./support";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
let server: CollabServer;
let world: World;
let dir: string;

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  const paper = await importDemoPaper(world, 1);
  await writeThemes(world, [{ id: "cli-theme", name: "提言", colour: "#123456" }]);
  await annotate(world, paper, [{ quote: "拡大抑止", themeIds: ["cli-theme"] }, { quote: "同盟調整メカニズム" }]);
  dir = await mkdtemp(path.join(tmpdir(), "synoptic-export-cli-"));
});
afterAll(async () => {
  await server?.destroy();
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  run(path.join(root, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(root, "scripts", "export.ts"), ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: "error" } });

describe("npm run export", () => {
  it("writes one theme's excerpts by theme name, and a PDF", async () => {
    const md = path.join(dir, "out.md");
    await cli(["--workspace", world.workspace.slug, "--format", "md", "--theme", "提言", "--group-by", "theme", "-o", md]);
    const text = await readFile(md, "utf8");
    expect(text).toContain("## 提言");
    expect(text).toContain("> 拡大抑止");
    expect(text).not.toContain("同盟調整メカニズム");
    const pdf = path.join(dir, "out.pdf");
    await cli(["--workspace", world.workspace.slug, "--format=pdf", "-o", pdf]);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses unknown options, themes and formats", async () => {
    await expect(cli(["--workspace", world.workspace.slug, "--format", "md", "--theme", "存在しない", "-o", path.join(dir, "x.md")])).rejects.toMatchObject({ stderr: expect.stringContaining("unknown theme") });
    await expect(cli(["--workspace", world.workspace.slug, "--format", "exe", "-o", path.join(dir, "x")])).rejects.toMatchObject({ code: 2 });
    await expect(cli(["--bogus"])).rejects.toMatchObject({ code: 2 });
  });
});
