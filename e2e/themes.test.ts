/**
 * Themes on a real build with the real collab server. Aoi creates a theme on the themes page;
 * Aoi and Ken — two browsers, two sessions — each tag a passage of a different paper with it
 * in the compare view (selection toolbar → theme picker), with the matrix open in another tab;
 * both matrix pages update live: the cells, the co-occurrence table and the parallel columns.
 * Screenshots in Japanese and English.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import pg from "pg";
import { launchBrowser, newPerson, signIn, baseUrl } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { openCollabDoc, type CollabDocHandle } from "../lib/collab/client/connect";
import { listThemes, metaDocName, upsertTheme } from "../lib/collab/model";
import { ready, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
let browser: Browser;
const handles: CollabDocHandle[] = [];
let papers: { id: string; versionId: string; text: string; title: string }[] = [];
let workspaceId = "";

beforeAll(async () => {
  browser = await launchBrowser();
  const db = new pg.Client({ connectionString: inject("e2eDatabaseUrl") });
  await db.connect();
  const ws = await db.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, [DEMO_WORKSPACE.slug]);
  workspaceId = ws.rows[0]!.id;
  const rows = await db.query<{ id: string; title: string; versionId: string; text: string }>(
    `SELECT d.id, d.title, v.id AS "versionId", v.text FROM "Document" d JOIN "DocumentVersion" v ON v."documentId" = d.id
     WHERE d."workspaceId" = $1 AND d."deletedAt" IS NULL ORDER BY d."createdAt", d.title, v.number DESC`,
    [workspaceId],
  );
  const seen = new Set<string>();
  papers = rows.rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  await db.end();
});
afterAll(async () => {
  for (const h of handles) h.destroy();
  await browser?.close();
});

/** A collab connection as the person signed in to `context` (token from their session). */
async function connectAs(context: BrowserContext, name: string): Promise<CollabDocHandle> {
  const fresh = async () => ((await (await context.request.get("/api/collab-token")).json()) as { token: string; url: string });
  const { url } = await fresh();
  const h = openCollabDoc({ url, name, token: async () => (await fresh()).token, origin: new URL(baseUrl()).origin });
  handles.push(h);
  await h.ready;
  return h;
}

/** The compare view on one paper, in a new tab of `context`. */
async function openReader(context: BrowserContext, documentId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${WS}/compare?d=${documentId}`);
  await ready(page, 1);
  return page;
}

/**
 * Highlights the start of paragraph `nth` and tags it with `themes` through the selection
 * toolbar's theme picker (searching each by name); returns the passage's text.
 */
async function tagPassage(page: Page, nth: number, themes: string[]): Promise<string> {
  const text = await selectText(page, 0, nth, 0, 12);
  await page.getByTestId("selection-toolbar").waitFor();
  await page.getByTestId("add-theme").click();
  await page.getByTestId("theme-picker").waitFor({ timeout: 5_000 });
  for (const name of themes) {
    await page.getByTestId("theme-picker-input").fill(name);
    await page.locator(`[data-testid=theme-option][data-theme-name="${name}"]`).click();
    await page.locator(`[data-testid=annotation-card] [data-testid=theme-chip][data-theme-name="${name}"]`).waitFor({ timeout: 5_000 });
  }
  await page.getByTestId("theme-picker-input").press("Escape");
  await page.getByTestId("back-to-list").click();
  return text;
}

async function cellCount(page: Page, theme: string, documentIndex: number): Promise<number> {
  const cell = page.locator(`[data-testid=matrix-row][data-theme-name="${theme}"] [data-testid=matrix-cell]`).nth(documentIndex);
  return Number(await cell.getAttribute("data-count"));
}

async function waitForCount(page: Page, theme: string, documentIndex: number, count: number): Promise<void> {
  await page.waitForFunction(
    ({ theme, documentIndex, count }) => {
      const row = document.querySelector(`[data-testid=matrix-row][data-theme-name="${theme}"]`);
      const cell = row?.querySelectorAll("[data-testid=matrix-cell]")[documentIndex];
      return cell?.getAttribute("data-count") === String(count);
    },
    { theme, documentIndex, count },
    { timeout: 10_000 },
  );
}

describe("themes and the theme × document matrix", () => {
  it("two people tag two papers with one theme and both matrices, the co-occurrence and the parallel columns follow live", async () => {
    const aoi = await newPerson(browser, "ja-JP");
    const ken = await newPerson(browser, "en-US");
    await signIn(aoi.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await signIn(ken.page, DEMO_USERS[1].email, DEMO_USERS[1].password);

    // Aoi creates the themes on the themes page; bad names are explained.
    await aoi.page.goto(`${WS}/themes`);
    await aoi.page.locator('[data-testid=live-status][data-status="live"]').waitFor({ timeout: 20_000 });
    const stamp = Date.now().toString(36).slice(-4);
    const deterrence = `拡大抑止 ${stamp}`;
    const acm = `ACM ${stamp}`;
    for (const name of [deterrence, acm]) {
      await aoi.page.getByTestId("theme-name").fill(name);
      await aoi.page.getByTestId("theme-add").click();
      await aoi.page.locator(`[data-testid=theme-row][data-theme-name="${name}"]`).waitFor();
    }
    await aoi.page.getByTestId("theme-name").fill(`ａｃｍ ${stamp}`); // full-width, other case: the same name
    await aoi.page.getByTestId("theme-add").click();
    await expect(aoi.page.getByTestId("theme-error").innerText()).resolves.toContain("同じ名前のテーマ");
    await aoi.page.getByTestId("theme-name").fill(" ");
    await aoi.page.getByTestId("theme-add").click();
    await aoi.page.getByTestId("theme-error").waitFor();

    // Both open the matrix.
    await aoi.page.goto(`${WS}/matrix`);
    await ken.page.goto(`${WS}/matrix`);
    for (const p of [aoi.page, ken.page]) {
      await p.locator('[data-testid=live-status][data-status="live"]').waitFor({ timeout: 20_000 });
      await p.locator(`[data-testid=matrix-row][data-theme-name="${deterrence}"]`).waitFor();
    }
    expect(await cellCount(ken.page, deterrence, 0)).toBe(0);

    // Each tags a passage of a different paper in the compare view (a second tab), with the
    // selection toolbar's theme picker; the other's matrix follows.
    const [p0, p1] = papers as [(typeof papers)[0], (typeof papers)[0]];
    const aoiMeta = await connectAs(aoi.context, metaDocName(workspaceId));
    const themeIds = new Map(listThemes(aoiMeta.doc).map((t) => [t.name, t.id]));
    const aoiReader = await openReader(aoi.context, p0.id);
    const kenReader = await openReader(ken.context, p1.id);
    const first = await tagPassage(aoiReader, 4, [deterrence]);
    await waitForCount(ken.page, deterrence, 0, 1);
    const second = await tagPassage(kenReader, 4, [deterrence, acm]);
    await waitForCount(aoi.page, deterrence, 1, 1);
    await waitForCount(ken.page, deterrence, 1, 1);
    await expect(aoi.page.locator(`[data-testid=matrix-row][data-theme-name="${deterrence}"] [data-testid=matrix-total]`).innerText()).resolves.toBe("2");
    await aoi.page.screenshot({ path: `${SHOTS}/matrix-ja.png`, fullPage: true });

    // A cell opens its excerpts, each linking to the compare view.
    await aoi.page.locator(`[data-testid=matrix-row][data-theme-name="${deterrence}"] [data-testid=matrix-cell]`).nth(0).click();
    const excerpts = aoi.page.getByTestId("cell-excerpts");
    await expect(excerpts.getByTestId("excerpt").first().innerText()).resolves.toContain(first);
    expect(await excerpts.getByTestId("excerpt-open").first().getAttribute("href")).toMatch(new RegExp(`/w/demo/compare\\?d=${p0.id}&focus=`));

    // The theme's passages in parallel columns, one per paper, updating live.
    await ken.page.locator(`[data-testid=matrix-row][data-theme-name="${deterrence}"] [data-testid=matrix-theme]`).click();
    const columns = ken.page.getByTestId("parallel-column");
    await expect(columns.nth(0).getAttribute("data-count")).resolves.toBe("1");
    await expect(columns.nth(1).innerText()).resolves.toContain(second);
    await tagPassage(aoiReader, 6, [deterrence, acm]);
    await ken.page.waitForFunction(() => document.querySelectorAll("[data-testid=parallel-column]")[0]?.getAttribute("data-count") === "2", undefined, { timeout: 10_000 });
    await ken.page.screenshot({ path: `${SHOTS}/matrix-columns-en.png`, fullPage: true });

    // Co-occurrence: the two themes share two passages (one per paper), each opening them.
    await ken.page.getByTestId("tab-cooccurrence").click();
    const pair = ken.page.locator(`[data-testid=cooccurrence-cell][data-pair="${deterrence}|${acm}"]`);
    await ken.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-count") === "2", `[data-testid=cooccurrence-cell][data-pair="${deterrence}|${acm}"]`, { timeout: 10_000 });
    await pair.click();
    await expect(ken.page.getByTestId("shared-passages").getByTestId("excerpt").count()).resolves.toBe(2);
    await ken.page.screenshot({ path: `${SHOTS}/matrix-cooccurrence-en.png`, fullPage: true });
    // A third tag from Aoi: Ken's open co-occurrence table follows.
    await tagPassage(aoiReader, 8, [deterrence, acm]);
    await ken.page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-count") === "3", `[data-testid=cooccurrence-cell][data-pair="${deterrence}|${acm}"]`, { timeout: 10_000 });

    // A theme created elsewhere appears on the open themes page, with usage counts; CSV has a BOM.
    await aoi.page.goto(`${WS}/themes`);
    await aoi.page.locator('[data-testid=live-status][data-status="live"]').waitFor({ timeout: 20_000 });
    upsertTheme(aoiMeta.doc, { name: `指揮統制 ${stamp}`, colour: "#336699", parentId: themeIds.get(deterrence)! }, new Date());
    await aoi.page.locator(`[data-testid=theme-row][data-theme-name="指揮統制 ${stamp}"]`).waitFor();
    await aoi.page.waitForFunction((name) => document.querySelector(`[data-testid=theme-row][data-theme-name="${name}"] [data-testid=theme-usage]`)?.getAttribute("data-count") === "4", deterrence, { timeout: 10_000 });
    await aoi.page.screenshot({ path: `${SHOTS}/themes-ja.png`, fullPage: true });
    const csv = await aoi.context.request.get(`/api/workspaces/${workspaceId}/themes/csv?kind=matrix`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(deterrence);

    // Delete with undo, seen by Ken's themes page.
    await ken.page.goto(`${WS}/themes`);
    await ken.page.locator('[data-testid=live-status][data-status="live"]').waitFor({ timeout: 20_000 });
    const row = aoi.page.locator(`[data-testid=theme-row][data-theme-name="${acm}"]`);
    await row.getByTestId("theme-delete").click();
    await expect(row.getByRole("alertdialog").innerText()).resolves.toContain("注釈3件");
    await row.getByTestId("theme-delete-confirm").click();
    await ken.page.locator(`[data-testid=theme-row][data-theme-name="${acm}"]`).waitFor({ state: "detached" });
    await aoi.page.getByTestId("theme-undo").click();
    await ken.page.locator(`[data-testid=theme-row][data-theme-name="${acm}"]`).waitFor();
    await ken.page.screenshot({ path: `${SHOTS}/themes-en.png`, fullPage: true });
    await aoi.context.close();
    await ken.context.close();
  });
});
