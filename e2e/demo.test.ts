import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPerson, signIn } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a newcomer after npm start", () => {
  it("signs in with the printed demo credentials and sees the five papers", async () => {
    const { page, context } = await newPerson(browser);
    await page.goto("/");
    await page.waitForURL(/\/signin/);
    const owner = DEMO_USERS[0];
    await signIn(page, owner.email, owner.password);
    await page.getByRole("link", { name: DEMO_WORKSPACE.name }).click();
    await page.waitForURL(`**/w/${DEMO_WORKSPACE.slug}`);
    await expect(page.getByTestId("workspace-name").textContent()).resolves.toBe(DEMO_WORKSPACE.name);
    const rows = page.getByTestId("document-list").locator("tbody tr");
    await expect(rows.count()).resolves.toBe(5);
    const text = await page.getByTestId("document-list").innerText();
    expect(text).toContain("日米");
    await page.screenshot({ path: ".test-data/screenshots/demo-documents-ja.png", fullPage: true });
    await context.close();
  });
});
