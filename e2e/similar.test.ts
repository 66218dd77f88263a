/**
 * Similar passages from the selection toolbar and links to plain text (#13) on a real build: "≈"
 * on a selection lists passages of the other papers (never the selection's own paper) and closes
 * again; the link picker offers a text hit of another paper for a phrase nobody annotated, and
 * choosing it makes the far-end annotation and the link in one step.
 */
import { describe, expect, it } from "vitest";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { openCardId, openCompare, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

describe("similar passages from a selection, links to any text", () => {
  it("lists similar passages of the other papers from the selection toolbar's ≈", async () => {
    const { page, context } = await newPerson(browser(), "ja-JP");
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openCompare(page, WS, [0, 1]);
    await selectText(page, 0, 3, 0, 200);
    await page.getByTestId("selection-toolbar").waitFor();
    await page.getByTestId("selection-similar").click();
    const box = page.getByTestId("similar-passages");
    // The workspace's first question builds the similarity index: wait for an answer or an error.
    await box.locator("[data-testid=similar-passage], [role=alert]").first().waitFor({ timeout: 120_000 });
    await page.screenshot({ path: `${SHOTS}/similar-selection-ja.png` });
    expect(await box.locator("[role=alert]").count(), await box.innerText()).toBe(0);
    const n = await page.getByTestId("similar-passage").count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(10);
    // ≈ again closes the list.
    await page.getByTestId("selection-similar").click();
    await box.waitFor({ state: "detached" });
    await context.close();
  });

  it("links a passage to a phrase of another paper that no annotation covers, in one step", async () => {
    const { page, context } = await newPerson(browser(), "en-US");
    await signIn(page, DEMO_USERS[1].email, DEMO_USERS[1].password);
    await openCompare(page, WS, [0, 1]);
    // A phrase of the second paper (read by selecting it, then dropping the selection).
    const phrase = (await selectText(page, 1, 5, 2, 12)).replace(/\s+/gu, "");
    await page.keyboard.press("Escape");
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await selectText(page, 0, 2, 0, 14);
    await page.getByTestId("selection-toolbar").waitFor();
    await page.getByTestId("add-link").click();
    await page.getByTestId("link-picker").waitFor({ timeout: 5_000 });
    const id = await openCardId(page);
    await page.getByTestId("link-picker-search").fill(phrase);
    const hit = page.locator('[data-testid=link-picker-option][data-annotation-id^="text:"]').first();
    await hit.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}/link-picker-text-hit-en.png` });
    expect(await hit.innerText()).toContain(phrase.slice(0, 4));
    await hit.click();
    await page.getByTestId("link-picker-relation").selectOption("supports");
    await page.getByTestId("link-picker-create").click();
    const chip = page.locator(`[data-testid=annotation-card][data-annotation="${id}"] [data-testid=link-chip][data-relation="supports"]`);
    await chip.waitFor({ timeout: 10_000 });
    await context.close();
  });
});
