/**
 * Themes in the reader (#6 item 3), on a real build with the real collab server: Aoi tags a
 * passage with a new theme from the selection toolbar's picker, colours the highlights by
 * theme (the passage takes the theme's colour), filters the pane by the theme (only that
 * passage stays listed and painted) and sees the count per theme, which toggles the filter.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openCompare, selectText } from "./support/compare";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

/** Sizes (range counts) of the colour layers painted in the pane of document `doc`, by colour key. */
async function colourLayers(page: Page, doc: string): Promise<Record<string, number>> {
  return page.evaluate((doc) => {
    const out: Record<string, number> = {};
    const prefix = `syn-p-${doc}-c-`;
    for (const [name, hl] of CSS.highlights) if (name.startsWith(prefix) && hl.size > 0) out[name.slice(prefix.length)] = hl.size;
    return out;
  }, doc);
}

describe("themes in the reader", () => {
  it("colours by theme, filters by theme and counts per theme", async () => {
    const a = await newPerson(browser(), "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openCompare(a.page, WS, [0, 1]);
    const doc = (await a.page.getByTestId("compare-pane").first().getAttribute("data-document"))!;

    // A passage of pane 1 and a plain highlight next to it (untagged), then the first is tagged.
    await selectText(a.page, 0, 3, 0, 12);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("highlight-green").click();
    const theme = `色テーマ ${Date.now().toString(36)}`;
    await selectText(a.page, 0, 2, 0, 14);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("add-theme").click();
    await a.page.getByTestId("theme-picker").waitFor({ timeout: 5_000 });
    const card = a.page.getByTestId("annotation-card");
    const tagged = (await card.getAttribute("data-annotation"))!;
    await a.page.getByTestId("theme-picker-input").fill(theme);
    await a.page.getByTestId("theme-create").click();
    const chip = a.page.locator(`[data-testid=theme-chip][data-theme-name="${theme}"]`);
    await chip.waitFor({ timeout: 5_000 });
    const hex = await chip.evaluate((el) => {
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(el).borderTopColor)!;
      return [m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, "0")).join("");
    });
    await a.page.getByTestId("theme-picker-input").press("Escape");
    await a.page.getByTestId("theme-picker").waitFor({ state: "detached" });
    await a.page.getByTestId("back-to-list").click();

    // Colour by theme: the tagged passage takes the theme's colour, untagged ones are grey.
    expect(await colourLayers(a.page, doc)).not.toHaveProperty(hex);
    await a.page.getByTestId("colour-by").selectOption("theme");
    await expect.poll(() => colourLayers(a.page, doc), { timeout: 5_000 }).toHaveProperty(hex);
    expect(await colourLayers(a.page, doc)).toHaveProperty("9aa0a6");
    await a.page.screenshot({ path: `${SHOTS}/compare-themes-colour.png` });

    // The count per theme, in the sidebar.
    const count = a.page.locator(`[data-testid=theme-count][data-theme-name="${theme}"]`);
    await count.waitFor({ timeout: 5_000 });
    expect(await count.getAttribute("data-count")).toBe("1");

    // Filter by the theme: one row, and only the theme's layer is painted.
    await a.page.getByTestId("filter-theme").selectOption({ label: theme });
    await expect.poll(() => a.page.getByTestId("annotation-row").count(), { timeout: 5_000 }).toBe(1);
    expect(await a.page.getByTestId("annotation-row").first().getAttribute("data-annotation")).toBe(tagged);
    await expect.poll(async () => Object.keys(await colourLayers(a.page, doc)), { timeout: 5_000 }).toEqual([hex]);
    expect(await count.getAttribute("aria-pressed")).toBe("true");
    await a.page.screenshot({ path: `${SHOTS}/compare-themes-filter.png` });

    // The count toggles the filter off (everything painted again) and back on.
    await count.click();
    expect(await a.page.getByTestId("filter-theme").inputValue()).toBe("");
    await expect.poll(async () => Object.keys(await colourLayers(a.page, doc)).length, { timeout: 5_000 }).toBeGreaterThan(1);
    await count.click();
    await expect.poll(() => a.page.getByTestId("annotation-row").count(), { timeout: 5_000 }).toBe(1);

    // Back to highlight colours, still filtered: the tagged passage in its own (default) colour.
    await a.page.getByTestId("colour-by").selectOption("highlight");
    await expect.poll(async () => Object.keys(await colourLayers(a.page, doc)), { timeout: 5_000 }).toEqual(["f5c518"]);

    await a.context.close();
  }, 180_000);
});
