/**
 * Search and similar passages (#13) on a real build: from a compare view of one paper, `/` focuses
 * the top bar's search, 「拡大抑止」 finds several papers; a hit of another paper opens beside the
 * first pane with the query's hits marked, and next/previous step through them; an annotation's
 * card lists similar passages of other papers, and one opens beside. Screenshots in ja and en,
 * desktop and phone.
 */
import { describe, expect, it } from "vitest";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { baseUrl, newPerson, signIn, sharedBrowser } from "./support/browser";
import { openCardId, openCompare, ready, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const QUERY = "拡大抑止";
const browser = sharedBrowser();

describe("search and similar passages", () => {
  it("searches, opens a hit beside the pane, steps through its hits and opens a similar passage beside", async () => {
    const { page, context } = await newPerson(browser(), "ja-JP");
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openCompare(page, WS, [0]);
    const first = new URL(page.url()).searchParams.get("d")!;

    // `/` outside a text field focuses the search box.
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe("search-box");
    await page.keyboard.type(QUERY);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?/);
    await page.getByTestId("search-group").first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("search-group").count()).toBeGreaterThanOrEqual(2);
    const marked = await page.locator("[data-testid=search-hit] mark").first().textContent();
    expect(marked).toContain("拡大抑止");
    await page.screenshot({ path: `${SHOTS}/search-results-ja.png`, fullPage: true });

    // A hit of another paper opens beside the first pane, at the hit, with the hits marked.
    const hrefs = await page.getByTestId("search-open").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const beside = hrefs.find((h) => new URLSearchParams(h.split("?")[1]).get("d")!.split(",").length === 2);
    expect(beside, "a hit in a paper other than the open one").toBeTruthy();
    await page.locator(`[data-testid=search-open][href="${beside}"]`).first().click();
    await page.waitForURL(/\/compare\?/);
    await ready(page, 2);
    expect(new URL(page.url()).searchParams.get("d")!.split(",")[0]).toBe(first);
    const count = page.getByTestId("search-marks-count");
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/^\d+ \/ \d+$/);
    const [, total] = (await count.textContent())!.split(" / ").map(Number);
    expect(total).toBeGreaterThanOrEqual(2);
    const at = () => count.textContent().then((s) => Number(s!.split(" / ")[0]));
    const start = await at();
    await page.getByTestId("search-marks-next").click();
    expect(await at()).toBe((start % total!) + 1);
    await page.getByTestId("search-marks-next").press("Enter");
    expect(await at()).toBe(((start + 1) % total!) + 1);
    await page.getByTestId("search-marks-prev").click();
    await page.keyboard.press("Shift+F3");
    expect(await at()).toBe(start);
    // The hits are painted in their own highlight layer.
    const painted = await page.evaluate(() => (CSS.highlights.get("search-hits") as Highlight | undefined)?.size ?? 0);
    expect(painted).toBeGreaterThanOrEqual(total!);
    await page.screenshot({ path: `${SHOTS}/search-marks-ja.png` });

    // Similar passages of a new annotation in the first pane; one opens beside.
    await selectText(page, 0, 3, 0, 1000);
    await page.getByTestId("selection-toolbar").waitFor();
    await page.getByTestId("add-note").click();
    await openCardId(page);
    await page.getByTestId("similar-toggle").click();
    // The workspace's first question builds the similarity index: an answer, a "none" or an error.
    const box = page.getByTestId("similar-passages");
    await box
      .locator("[data-testid=similar-passage], [role=alert], p.small.muted:not([role=status])")
      .first()
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: `${SHOTS}/similar-card-ja-timeout.png` });
        throw e;
      });
    await page.screenshot({ path: `${SHOTS}/similar-card-ja.png` });
    expect(await page.getByTestId("similar-passage").count(), await box.innerText()).toBeGreaterThan(0);
    await page.getByTestId("similar-open").first().click();
    await page.waitForURL((u) => u.searchParams.get("d")!.split(",").length === 3 || u.searchParams.get("d")!.split(",").length === 2);
    await ready(page, new URL(page.url()).searchParams.get("d")!.split(",").length);
    await context.close();
  });

  it("shows the results in English, on a desktop and on a phone", async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser().newContext({ baseURL: baseUrl(), locale: "en-US", viewport });
      const page = await context.newPage();
      await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
      await page.goto(`${WS}/search?q=${encodeURIComponent(QUERY)}`);
      await page.getByTestId("search-group").first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId("search-summary").textContent()).toMatch(/hits? in \d+ documents?/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const tag = viewport.width < 500 ? "phone" : "desktop";
      await page.screenshot({ path: `${SHOTS}/search-results-en-${tag}.png`, fullPage: tag === "desktop" });
      await context.close();
    }
  });
});
