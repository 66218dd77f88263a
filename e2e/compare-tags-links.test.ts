/**
 * Themes (#6) and links (#7) mounted in the compare view, on a real build with the real collab
 * server: Aoi highlights a passage in each of two panes, tags the first with a new theme from
 * the selection toolbar's picker and links the second to the first with the link picker; Ken,
 * in another browser, sees the theme chip and the link chip on the card, a connector drawn
 * between the panes, and the link chip taking him to the other end.
 */
import { describe, expect, it } from "vitest";
import { openCompare, ready, selectText, openCardId } from "./support/compare";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

describe("themes and links in the compare view", () => {
  it("A tags and links passages across panes; B sees the chips and the connector", async () => {
    const a = await newPerson(browser(), "ja-JP");
    const b = await newPerson(browser(), "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await signIn(b.page, DEMO_USERS[1].email, DEMO_USERS[1].password);
    await openCompare(a.page, WS, [0, 1]);
    const url = a.page.url();

    // A: a passage of pane 1, tagged with a new theme through the toolbar's picker.
    const theme = `比較テーマ ${Date.now().toString(36)}`;
    await selectText(a.page, 0, 2, 0, 14);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("add-theme").click();
    await a.page.getByTestId("theme-picker").waitFor({ timeout: 5_000 });
    const first = await openCardId(a.page);
    await a.page.getByTestId("theme-picker-input").fill(theme);
    await a.page.getByTestId("theme-create").click();
    await a.page.locator(`[data-testid=theme-chip][data-theme-name="${theme}"]`).waitFor({ timeout: 5_000 });
    await a.page.getByTestId("theme-picker-input").press("Escape");
    await a.page.getByTestId("theme-picker").waitFor({ state: "detached" });

    // A: a passage of pane 2, linked to the first through the link picker.
    await selectText(a.page, 1, 2, 0, 14);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("add-link").click();
    await a.page.getByTestId("link-picker").waitFor({ timeout: 5_000 });
    const second = await openCardId(a.page);
    expect(second).not.toBe(first);
    await a.page.locator(`[data-testid=link-picker-option][data-annotation-id="${first}"]`).click();
    await a.page.getByTestId("link-picker-relation").selectOption("supports");
    await a.page.getByTestId("link-picker-create").click();
    await a.page.getByTestId("link-chip").waitFor({ timeout: 5_000 });
    await a.page.getByTestId("link-connector").first().waitFor({ timeout: 5_000 });
    await a.page.screenshot({ path: `${SHOTS}/compare-tags-links-ja.png` });

    // B opens the same view focused on the first passage: theme chip, link chip, connector.
    await b.page.goto(`${url}&focus=${first}`);
    await ready(b.page, 2);
    const card = b.page.locator(`[data-testid=annotation-card][data-annotation="${first}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.locator(`[data-testid=theme-chip][data-theme-name="${theme}"]`).waitFor({ timeout: 5_000 });
    const chip = card.getByTestId("link-chip");
    await chip.waitFor({ timeout: 5_000 });
    expect(await chip.getAttribute("data-relation")).toBe("supports");
    const connector = b.page.locator("[data-testid=link-connectors] [data-testid=link-connector]");
    await connector.first().waitFor({ timeout: 5_000 });
    expect(await connector.count()).toBeGreaterThanOrEqual(1);
    await b.page.screenshot({ path: `${SHOTS}/compare-tags-links-en.png` });

    // The chip takes B to the other end, in the other pane.
    await chip.locator("button").first().click();
    await b.page.locator(`[data-testid=annotation-card][data-annotation="${second}"]`).waitFor({ timeout: 5_000 });
    await b.page.locator(`[data-testid=annotation-card][data-annotation="${second}"] [data-testid=link-chip]`).waitFor();

    await a.context.close();
    await b.context.close();
  }, 120_000);
});
