/**
 * The reader of one document on a real build: outline, footnotes there and back (by
 * mouse and by keyboard), offsets on every block, page markers, versions, English
 * labels and the phone layout, with screenshots to look at.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPerson, signIn, baseUrl, sharedBrowser } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const browser = sharedBrowser();

async function openPaper(page: Page, title: string): Promise<void> {
  await page.goto(`/w/${DEMO_WORKSPACE.slug}`);
  await page.getByTestId("document-list").getByRole("link", { name: title }).click();
  await page.waitForURL(/\/d\//);
  await page.getByTestId("reader-text").waitFor();
}

/** The id of the focused element, once focus has settled on `id`. */
async function expectFocusOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 });
  const inView = await page.evaluate((want) => {
    const r = document.getElementById(want)!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, id);
  expect(inView).toBe(true);
}

/** Every block element holds exactly its canonical span: textContent length = end − start. */
async function offsetMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-testid=reader-text] [data-start]")]
      .filter((el) => (el.textContent ?? "").length !== Number(el.dataset.end) - Number(el.dataset.start))
      .map((el) => `${el.dataset.block}: ${el.textContent?.slice(0, 20)}`),
  );
}

describe("the reader of one document", () => {
  it("shows the 002 paper's outline and takes a reader to a footnote and back", async () => {
    const { page, context } = await newPerson(browser());
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openPaper(page, "日米防衛協力の歴史");

    const outline = page.getByTestId("reader-outline");
    const outlineText = await outline.innerText();
    for (const h of ["1 はじめに", "2 日米防衛協力の歴史", "3 日米防衛協力の現状", "4 日米防衛協力の課題", "5 おわりに"]) expect(outlineText).toContain(h);
    expect(outlineText).not.toContain("²"); // markers stay out of the outline
    await expect(outline.getByRole("heading").innerText()).resolves.toBe("目次");
    await page.screenshot({ path: `${SHOTS}/reader-ja.png` });

    expect(await offsetMismatches(page)).toEqual([]);
    expect(await page.locator("[data-testid=reader-text] [data-page]").count()).toBe(0);
    expect(await page.locator("[data-kind=footnote]").count()).toBeGreaterThan(30);

    // Outline → heading.
    await outline.getByRole("link", { name: "4 日米防衛協力の課題" }).click();
    const heading = await page.locator("[data-kind=heading]", { hasText: "4 日米防衛協力の課題" }).getAttribute("id");
    await expectFocusOn(page, heading!);

    // Marker → footnote → back to the marker, with the mouse.
    const marker = page.locator("[data-testid=reader-text] a[data-footnote]").nth(5);
    const markerId = (await marker.getAttribute("id"))!;
    const markerText = await marker.innerText();
    const footnoteId = (await marker.getAttribute("href"))!.slice(1);
    await marker.click();
    await expectFocusOn(page, footnoteId);
    expect((await page.locator(`#${footnoteId}`).innerText()).startsWith(markerText)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/reader-ja-footnote.png` });
    await page.locator(`#${footnoteId} a[data-jump]`).click();
    await expectFocusOn(page, markerId);

    // The same with the keyboard: Enter on the marker, Tab to the back link, Enter.
    await page.keyboard.press("Enter");
    await expectFocusOn(page, footnoteId);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).dataset.jump)).toBe(markerId);
    await page.keyboard.press("Enter");
    await expectFocusOn(page, markerId);

    // English labels after switching the UI language; the text stays Japanese.
    await page.getByTestId("locale-switcher").selectOption("en");
    await page.getByRole("navigation", { name: "Contents" }).waitFor();
    await expect(page.getByRole("link", { name: /Back to documents/ }).count()).resolves.toBe(1);
    await expect(page.getByTestId("reader-versions").innerText()).resolves.toContain("Version 1 (latest)");
    await expect(page.locator("[data-testid=reader-text] a[data-footnote]").first().getAttribute("aria-label")).resolves.toMatch(/^Footnote \d+$/);
    expect(await page.getByTestId("reader-text").getAttribute("lang")).toBe("ja");
    await page.evaluate(() => window.scrollTo(0, 0));
    // At the top no heading has been reached yet: the outline marks none as being read.
    await page.waitForFunction(() => !document.querySelector("[data-testid=reader-outline] [aria-current]"), undefined, { timeout: 5_000 });
    await page.screenshot({ path: `${SHOTS}/reader-en.png` });
    await context.close();
  });

  it("shows no page markers on 001, captions and glossary on 003", async () => {
    const { page, context } = await newPerson(browser());
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openPaper(page, "ホノルル");
    // 001's running headers and page numbers are dropped at import and it came as one text: no pages.
    expect(await page.locator("[data-testid=reader-text] [data-page]").count()).toBe(0);
    expect(await page.locator("[data-kind=heading]").count()).toBeGreaterThan(30);
    expect(await offsetMismatches(page)).toEqual([]);

    await openPaper(page, "日米共同の抑止力");
    expect(await page.locator("[data-kind=caption]").count()).toBeGreaterThan(3);
    await expect(page.getByRole("complementary", { name: "用語解説" }).innerText()).resolves.toContain("拡大抑止");
    await page.getByRole("complementary", { name: "用語解説" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/reader-ja-boxes.png` });
    await context.close();
  });

  it("shows p. N where the page changes, and older versions on request", async () => {
    const { page, context } = await newPerson(browser());
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const ws = (await (await page.request.post("/api/workspaces", { data: { name: "ページのある文書" } })).json()) as { id: string; slug: string };
    const paged = "第1節 はじめに\n\n一ページ目の段落である。\n\f\n二ページ目の段落である。\n\f\n第2節 おわりに\n\n三ページ目の段落である。\n";
    const upload = (url: string, body: string) =>
      page.request.post(url, { data: Buffer.from(body, "utf8"), headers: { "content-type": "text/plain", "x-file-name": encodeURIComponent("pages.txt") } });
    const created = await upload(`/api/workspaces/${ws.id}/documents`, paged);
    expect(created.status()).toBe(201);
    const doc = (await created.json()) as { id: string };
    expect((await upload(`/api/workspaces/${ws.id}/documents/${doc.id}/versions`, paged.replace("一ページ目", "第二版の一ページ目"))).status()).toBe(201);

    await page.goto(`/w/${ws.slug}/d/${doc.id}`);
    await page.getByTestId("reader-text").waitFor();
    await expect(page.locator("[data-testid=reader-text] [data-page]").allInnerTexts()).resolves.toEqual(["p. 1", "p. 2", "p. 3"]);
    // The marker is chrome, not text: no block's text contains it.
    expect(await offsetMismatches(page)).toEqual([]);
    await expect(page.getByTestId("reader-text").innerText()).resolves.toContain("第二版");

    await page.getByTestId("reader-versions").getByRole("link", { name: "第1版" }).click();
    await page.waitForURL(/\?v=1$/);
    await page.getByRole("status").waitFor();
    await expect(page.getByTestId("reader-text").innerText()).resolves.not.toContain("第二版");
    await page.screenshot({ path: `${SHOTS}/reader-ja-pages.png` });

    // Another workspace's document id is not found, as is a version that does not exist.
    expect((await page.goto(`/w/${DEMO_WORKSPACE.slug}/d/${doc.id}`))!.status()).toBe(404);
    expect((await page.goto(`/w/${ws.slug}/d/${doc.id}?v=9`))!.status()).toBe(404);
    await context.close();
  });

  it("collapses the outline above the text on a phone", async () => {
    const context = await browser().newContext({ baseURL: baseUrl(), locale: "ja-JP", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openPaper(page, "日米防衛協力の歴史");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const toggle = page.getByRole("button", { name: "目次を表示" });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(await page.getByTestId("reader-outline").getByRole("link").first().isVisible()).toBe(false);
    const outlineBox = (await page.getByTestId("reader-outline").boundingBox())!;
    const textBox = (await page.getByTestId("reader-text").boundingBox())!;
    expect(outlineBox.y).toBeLessThan(textBox.y);
    await page.screenshot({ path: `${SHOTS}/reader-phone.png` });
    await toggle.click();
    await page.getByTestId("reader-outline").getByRole("link", { name: "3 日米防衛協力の現状" }).click();
    await expect(page.getByRole("button", { name: "目次を表示" }).getAttribute("aria-expanded")).resolves.toBe("false");
    const heading = await page.locator("[data-kind=heading]", { hasText: "3 日米防衛協力の現状" }).getAttribute("id");
    await expectFocusOn(page, heading!);
    await page.screenshot({ path: `${SHOTS}/reader-phone-jump.png` });
    await context.close();
  });
});
