/**
 * Tagging several annotations at once from the compare view (#6), on a real build with the real
 * collab server. Aoi (Japanese UI) makes passages in two panes, ticks them (a checkbox, a
 * Shift-click range, another pane's tab, Ctrl-click on a highlight), tags them all through the
 * selection bar's picker (tri-state: one of them already carries the theme) and keeps the picker
 * open. Ken (English UI, another browser) sees the theme on all of them, selects them again with
 * the theme filter and "select all shown" in both panes, and removes it from all; Aoi's open
 * picker and counts follow live.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { annotate, openCompare, pointOf, ready } from "./support/compare";
import { newPerson, sharedBrowser, signIn } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

const checkbox = (page: Page, id: string) => page.locator(`[data-testid=annotation-select][data-annotation="${id}"]`);
const selectedCount = async (page: Page) => Number(await page.getByTestId("selection-count").getAttribute("data-count"));
const themeCount = (page: Page, theme: string) => page.locator(`[data-testid=theme-count][data-theme-name="${theme}"]`);
/** The ids of the rows listed (in list order) from `from` to `to`, both included. */
async function rowsBetween(page: Page, from: string, to: string): Promise<string[]> {
  const ids = await page.getByTestId("annotation-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-annotation")!));
  const a = ids.indexOf(from);
  const b = ids.indexOf(to);
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThan(a);
  return ids.slice(a, b + 1);
}

describe("tagging several annotations at once in the compare view", () => {
  it("A ticks passages in two panes and tags them all; B sees it and removes it from all", async () => {
    const a = await newPerson(browser(), "ja-JP");
    const b = await newPerson(browser(), "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await signIn(b.page, DEMO_USERS[1].email, DEMO_USERS[1].password);
    // Papers 001 and 002, paragraphs no other test annotates (they use paragraphs 2–3).
    await openCompare(a.page, WS, [1, 2]);
    const url = new URL(a.page.url());
    url.searchParams.delete("focus");

    const x1 = await annotate(a.page, 0, 6, 0, 12);
    const x2 = await annotate(a.page, 0, 9, 0, 12);
    const x3 = await annotate(a.page, 1, 6, 0, 12);
    const tabs = a.page.getByTestId("sidebar-tab");

    // One box ticked in pane 1; its label names the passage. The bar counts it.
    await tabs.nth(0).click();
    expect(await checkbox(a.page, x1.id).getAttribute("aria-label")).toContain(x1.text.slice(0, 6));
    await checkbox(a.page, x1.id).check();
    await a.page.getByTestId("selection-bar").waitFor();
    expect(await a.page.getByTestId("selection-count").innerText()).toBe("1件を選択中（1文書）");

    // A new theme, created from the bar's picker, goes on that one annotation; Esc closes the picker.
    const theme = `一括 ${Date.now().toString(36)}`;
    await a.page.getByTestId("selection-tag").click();
    await a.page.getByTestId("theme-picker-input").fill(theme);
    await a.page.getByTestId("theme-create").click();
    await expect.poll(() => a.page.getByTestId("selection-status").innerText(), { timeout: 5_000 }).toBe(`テーマ「${theme}」を1件の注釈に付けました`);
    await a.page.getByTestId("theme-picker-input").press("Escape");
    await a.page.getByTestId("theme-picker").waitFor({ state: "detached" });
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("selection-tag");

    // Shift-click: everything listed from x1 to x2 (the list's order, not the DOM's window).
    const range = await rowsBetween(a.page, x1.id, x2.id);
    await checkbox(a.page, x2.id).click({ modifiers: ["Shift"] });
    await expect.poll(() => selectedCount(a.page)).toBe(range.length);
    for (const id of range) expect(await checkbox(a.page, id).isChecked()).toBe(true);

    // Pane 2's tab: its box, then Ctrl-click on its highlight takes it out and puts it back.
    await tabs.nth(1).click();
    await checkbox(a.page, x3.id).check();
    await expect.poll(() => selectedCount(a.page)).toBe(range.length + 1);
    expect(await a.page.getByTestId("selection-count").getAttribute("data-documents")).toBe("2");
    const at = await pointOf(a.page, 1, 6, 0, 12, { scroll: true });
    await a.page.keyboard.down("Control");
    await a.page.mouse.click(at.x, at.y);
    await a.page.keyboard.up("Control");
    await expect.poll(() => selectedCount(a.page)).toBe(range.length);
    expect(await checkbox(a.page, x3.id).isChecked()).toBe(false);
    expect(await a.page.getByTestId("annotation-card").count()).toBe(0); // Ctrl-click selects, it does not open the card
    await a.page.keyboard.down("Control");
    await a.page.mouse.click(at.x, at.y);
    await a.page.keyboard.up("Control");
    await expect.poll(() => selectedCount(a.page)).toBe(range.length + 1);
    const total = range.length + 1;
    expect(await a.page.getByTestId("selection-count").innerText()).toBe(`${total}件を選択中（2文書）`);

    // The selection outlived the tab switches. Tag…: x1 has the theme, the rest not yet ("some").
    await tabs.nth(0).click();
    expect(await checkbox(a.page, x1.id).isChecked()).toBe(true);
    await a.page.getByTestId("selection-tag").click();
    const option = a.page.locator(`[data-testid=theme-option][data-theme-name="${theme}"]`);
    expect(await option.getAttribute("data-state")).toBe("some");
    await option.click();
    await expect.poll(() => option.getAttribute("data-state"), { timeout: 5_000 }).toBe("all");
    expect(await a.page.getByTestId("selection-status").innerText()).toBe(`テーマ「${theme}」を${total}件の注釈に付けました`);
    await themeCount(a.page, theme).waitFor({ timeout: 5_000 });
    expect(await themeCount(a.page, theme).getAttribute("data-count")).toBe(String(range.length));
    await a.page.getByTestId("sidebar").screenshot({ path: `${SHOTS}/compare-multi-tag-ja.png` });

    // B, in another browser: the theme on every one of them (counts per pane, x3's card).
    await b.page.goto(`${url.pathname}${url.search}`);
    await ready(b.page, 2);
    await themeCount(b.page, theme).waitFor({ timeout: 10_000 });
    expect(await themeCount(b.page, theme).getAttribute("data-count")).toBe(String(range.length));
    const bTabs = b.page.getByTestId("sidebar-tab");
    await bTabs.nth(1).click();
    expect(await themeCount(b.page, theme).getAttribute("data-count")).toBe("1");
    await b.page.locator(`[data-testid=annotation-row][data-annotation="${x3.id}"]`).click();
    await b.page.locator(`[data-testid=annotation-card][data-annotation="${x3.id}"] [data-testid=theme-chip][data-theme-name="${theme}"]`).waitFor({ timeout: 5_000 });
    await b.page.getByTestId("back-to-list").click();

    // B selects exactly the tagged ones: the theme filter, then "select all shown" in each pane.
    await b.page.getByTestId("filter-theme").selectOption({ label: theme });
    await b.page.getByTestId("select-all-shown").check();
    await bTabs.nth(0).click();
    await expect.poll(() => b.page.getByTestId("annotation-row").count(), { timeout: 5_000 }).toBe(range.length);
    expect(await b.page.getByTestId("select-all-shown").getAttribute("data-state")).toBe("none");
    await b.page.getByTestId("select-all-shown").check();
    await expect.poll(() => selectedCount(b.page)).toBe(total);
    expect(await b.page.getByTestId("selection-count").innerText()).toBe(`${total} selected (in 2 documents)`);

    // …and removes the theme from all of them with the picker.
    await b.page.getByTestId("selection-tag").click();
    const bOption = b.page.locator(`[data-testid=theme-option][data-theme-name="${theme}"]`);
    expect(await bOption.getAttribute("data-state")).toBe("all");
    await b.page.getByTestId("sidebar").screenshot({ path: `${SHOTS}/compare-multi-tag-en.png` });
    await bOption.click();
    await expect.poll(() => bOption.getAttribute("data-state"), { timeout: 5_000 }).toBe("none");
    expect(await b.page.getByTestId("selection-status").innerText()).toBe(`Theme “${theme}” removed from ${total} annotations`);

    // Gone everywhere: Aoi's open picker and counts follow, and B's card of x3 has no chip.
    await expect.poll(() => option.getAttribute("data-state"), { timeout: 10_000 }).toBe("none");
    await themeCount(a.page, theme).waitFor({ state: "detached", timeout: 5_000 });
    await b.page.getByTestId("selection-clear").click();
    await b.page.getByTestId("selection-bar").waitFor({ state: "detached" });
    await b.page.getByTestId("filter-theme").selectOption("");
    await bTabs.nth(1).click();
    await themeCount(b.page, theme).waitFor({ state: "detached", timeout: 5_000 });
    await b.page.locator(`[data-testid=annotation-row][data-annotation="${x3.id}"]`).click();
    const card = b.page.locator(`[data-testid=annotation-card][data-annotation="${x3.id}"]`);
    await card.waitFor({ timeout: 5_000 });
    expect(await card.getByTestId("theme-chip").count()).toBe(0);

    // Aoi clears her selection: the bar and every tick go.
    await a.page.getByTestId("selection-clear").click();
    await a.page.getByTestId("selection-bar").waitFor({ state: "detached" });
    expect(await checkbox(a.page, x1.id).isChecked()).toBe(false);

    await a.context.close();
    await b.context.close();
  }, 180_000);
});
