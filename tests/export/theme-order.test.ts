/**
 * Themes in tree order wherever an export lists them — the export page's choices, the theme
 * groups of an export, the CLI's listing — as the theme views and /api/v1 do: each theme after
 * its parent, siblings by position, then name. The themes are chosen so that neither name
 * order nor creation order gives the same list.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { exportOptionsSchema } from "../../lib/core/export";
import { prisma } from "../../lib/infra/db/client";
import { createExport } from "../../lib/server/export/create-export";
import { exportChoicesOp } from "../../lib/server/export/export-choices-op";
import { loadThemes } from "../../lib/server/export/load-sources";
import type { World } from "../support/factories";
import { annotate, collect, importDemoPaper, makeWorld, startCollabForExport, writeThemes } from "./support";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
let server: CollabServer;
let world: World;

// Written in this order; `order` is the sibling position (a new theme goes last among its siblings).
const THEMES = [
  { id: "t-security", name: "安全保障", colour: "#336699" },
  { id: "t-economy", name: "経済", colour: "#993366" },
  { id: "t-export-control", name: "輸出管理", colour: "#339966", parentId: "t-economy" },
  { id: "t-supply", name: "サプライチェーン", colour: "#996633", parentId: "t-economy" },
  { id: "t-deterrence", name: "抑止", colour: "#663399", parentId: "t-security" },
  { id: "t-alliance", name: "同盟", colour: "#669933", order: -1 },
];
/** Tree order: 同盟 first by its position, each parent followed by its children by position. */
const TREE = [
  ["t-alliance", 0, null],
  ["t-security", 0, null],
  ["t-deterrence", 1, "t-security"],
  ["t-economy", 0, null],
  ["t-export-control", 1, "t-economy"],
  ["t-supply", 1, "t-economy"],
] as const;
const nameOf = (id: string) => THEMES.find((t) => t.id === id)!.name;

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
  const paper = await importDemoPaper(world, 1);
  await writeThemes(world, THEMES);
  // One excerpt per theme, so a grouped export has a section for each.
  await annotate(world, paper, [{ quote: "拡大抑止", themeIds: THEMES.map((t) => t.id) }]);
  // The Theme table is the projection of the workspace doc, written when the collab server stores it.
  for (let i = 0; i < 100 && (await prisma.theme.count({ where: { workspaceId: world.workspace.id } })) < THEMES.length; i++) await new Promise((r) => setTimeout(r, 50));
});
afterAll(async () => server?.destroy());

describe("themes in tree order", () => {
  it("loadThemes lists them parents first with depth and parent", async () => {
    const themes = await loadThemes(world.workspace.id);
    expect(themes.map((t) => [t.id, t.depth, t.parentId])).toEqual(TREE);
    // Neither of the orders this replaced.
    expect(themes.map((t) => t.name)).not.toEqual([...themes.map((t) => t.name)].sort((a, b) => a.localeCompare(b, "ja")));
    expect(themes.map((t) => t.id)).not.toEqual(THEMES.map((t) => t.id));
  });

  it("the export page's choices carry tree order, parent and depth", async () => {
    const choices = await exportChoicesOp.execute(world.members.owner, { workspaceId: world.workspace.id });
    expect(choices.themes.map((t) => [t.id, t.depth, t.parentId])).toEqual(TREE);
    expect(choices.themes[0]).toEqual({ id: "t-alliance", name: "同盟", colour: "#669933", parentId: null, depth: 0 });
  });

  it("an export grouped by theme has its sections in tree order", async () => {
    const file = await createExport({ workspaceId: world.workspace.id, options: exportOptionsSchema.parse({ format: "html", groupBy: "theme" }), baseUrl: "http://synoptic.test", locale: "ja", now: new Date("2026-11-25T00:00:00Z") });
    const html = (await collect(file.chunks)).toString("utf8");
    const titles = html.split("<h2>").slice(1).map((s) => s.slice(0, s.indexOf("</h2>")));
    expect(titles).toEqual(TREE.map(([id]) => nameOf(id)));
  });

  it("the CLI lists the themes in tree order, children indented, when a theme is unknown", async () => {
    const cli = run(path.join(root, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(root, "scripts", "export.ts"), "--workspace", world.workspace.slug, "--format", "md", "--theme", "存在しない", "-o", "-"], { cwd: root, env: { ...process.env, LOG_LEVEL: "error" } });
    const failure = (await cli.then(() => null, (e: unknown) => e)) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(2);
    const listed = failure!.stderr.split("\n").filter((l) => / \(t-[a-z-]+\)$/.test(l));
    expect(listed).toEqual(TREE.map(([id, depth]) => `${"  ".repeat(depth + 1)}${nameOf(id)} (${id})`));
  });
});
