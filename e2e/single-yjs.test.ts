/**
 * One copy of Yjs per page (issue #17): two copies in a bundle break Yjs' constructor checks
 * (`instanceof Y.Doc` fails across them) and Yjs says so on the console. Every collaborative
 * page — compare view (with a note editor open), map, themes, matrix — is opened on the
 * production build, and the console must not carry that warning.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPerson, signIn } from "./support/browser";
import { openCompare } from "./support/compare";
import { openMap } from "./support/map";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the client bundles", () => {
  it("load one copy of yjs on every collaborative page", async () => {
    const { page } = await newPerson(browser, "ja-JP");
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const workspace = `/w/${DEMO_WORKSPACE.slug}`;
    await openCompare(page, workspace, [0, 1]);
    await openMap(page);
    for (const path of ["themes", "matrix"]) {
      await page.goto(`${workspace}/${path}`);
      await page.locator('[data-testid=live-status][data-status="live"]').waitFor({ timeout: 20_000 });
    }
    // The listener hears the page (a deaf one would pass the check below).
    await page.evaluate(() => console.warn("synoptic-probe"));
    await expect.poll(() => messages.includes("synoptic-probe")).toBe(true);
    expect(messages.filter((m) => m.includes("Yjs was already imported"))).toEqual([]);
  });
});
