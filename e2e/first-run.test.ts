/**
 * What a newcomer meets first: the app's icons, the keyboard-shortcuts dialog, a phone layout
 * that never scrolls sideways, the members page's column heading.
 */
import { describe, expect, it } from "vitest";
import { baseUrl, newPerson, register, signIn, sharedBrowser, uniqueEmail } from "./support/browser";
import enApp from "../lib/i18n/messages/en/app.json";
import enCompare from "../lib/i18n/messages/en/compare.json";
import enThemes from "../lib/i18n/messages/en/themes.json";
import enExport from "../lib/i18n/messages/en/export.json";
import enSearch from "../lib/i18n/messages/en/search.json";
import enArgument from "../lib/i18n/messages/en/argument.json";
import { openCompare, ready } from "./support/compare";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const browser = sharedBrowser();
const SHOTS = ".test-data/screenshots";
const owner = DEMO_USERS[0];
const ws = `/w/${DEMO_WORKSPACE.slug}`;

describe("icons and metadata", () => {
  it("serves /favicon.ico as an ICO of PNGs, the touch icon, the manifest and the Open Graph image", async () => {
    const ico = await fetch(`${baseUrl()}/favicon.ico`);
    expect(ico.status).toBe(200);
    const bytes = new Uint8Array(await ico.arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true)]).toEqual([0, 1]);
    const count = view.getUint16(4, true);
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const offset = view.getUint32(6 + 16 * i + 12, true);
      expect([...bytes.slice(offset, offset + 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    for (const p of ["/icon.svg", "/apple-touch-icon.png", "/icon-192.png", "/icon-512.png", "/og.png"]) expect((await fetch(`${baseUrl()}${p}`)).status, p).toBe(200);
    const manifest = (await (await fetch(`${baseUrl()}/manifest.webmanifest`)).json()) as { name: string; icons: { src: string }[] };
    expect(manifest.name).toBe("Synoptic");
    expect(manifest.icons.map((i) => i.src)).toContain("/icon-512.png");
    const html = await (await fetch(`${baseUrl()}/signin`)).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon.ico"/);
    expect(html).toMatch(/<meta property="og:image" content="[^"]*\/og.png"/);
  });
});

describe("keyboard shortcuts", () => {
  it("? opens the shortcuts dialog (not while typing), Escape closes it; the top bar's ? button too", async () => {
    const { page, context } = await newPerson(browser(), "en-US");
    await signIn(page, owner.email, owner.password);
    await page.goto(ws);
    const dialog = page.getByTestId("shortcuts-dialog");
    await page.getByTestId("search-box").focus();
    await page.keyboard.type("?");
    expect(await dialog.isVisible()).toBe(false);
    await page.getByTestId("search-box").fill("");
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("?");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.innerText()).toContain("Search the workspace");
    await page.screenshot({ path: `${SHOTS}/first-run-shortcuts-en.png` });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("shortcuts-open").click();
    await dialog.waitFor({ state: "visible" });
    await page.getByTestId("shortcuts-close").click();
    await dialog.waitFor({ state: "hidden" });
    await context.close();
  });
});

describe("the compare view's tour", () => {
  it("greets a first visit, steps through the view, stays dismissed, and reopens from the ? dialog", async () => {
    const { page, context } = await newPerson(browser(), "ja-JP", { tours: true });
    await signIn(page, owner.email, owner.password);
    await openCompare(page, ws, [0, 1]);
    const tour = page.getByTestId("compare-tour");
    await tour.waitFor({ state: "visible" });
    expect(await tour.getAttribute("data-step")).toBe("panes");
    await page.screenshot({ path: `${SHOTS}/first-run-tour-ja.png` });
    const steps: string[] = [];
    while (await page.getByTestId("tour-next").isVisible()) {
      await page.getByTestId("tour-next").click();
      steps.push((await tour.getAttribute("data-step"))!);
    }
    expect(steps).toEqual(["select", "sidebar", "link", "bar"]);
    await page.getByTestId("tour-back").click();
    expect(await tour.getAttribute("data-step")).toBe("link");
    await page.getByTestId("tour-close").click();
    await tour.waitFor({ state: "hidden" });
    // Remembered: a reload does not bring it back.
    await page.reload();
    await ready(page, 2);
    await page.waitForTimeout(500);
    expect(await tour.isVisible()).toBe(false);
    // Reopened on request from the shortcuts dialog.
    await page.getByTestId("shortcuts-open").click();
    await page.getByTestId("shortcuts-tour").click();
    await tour.waitFor({ state: "visible" });
    expect(await tour.getAttribute("data-step")).toBe("panes");
    await context.close();
  });

  it("is remembered per user: another person on the same browser still gets it", async () => {
    const { page, context } = await newPerson(browser(), "en-US", { tours: true });
    await signIn(page, owner.email, owner.password);
    await openCompare(page, ws, [0, 1]);
    await page.getByTestId("tour-close").click();
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("synoptic.tour.")).length).then((n) => expect(n).toBe(1));
    const other = DEMO_USERS[1];
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    await signIn(page, other.email, other.password);
    await openCompare(page, ws, [0, 1]);
    await page.getByTestId("compare-tour").waitFor({ state: "visible" });
    await page.screenshot({ path: `${SHOTS}/first-run-tour-en.png` });
    await context.close();
  });
});

describe("a workspace of one's own", () => {
  it("says on every page what to do next while it is empty", async () => {
    const { page, context } = await newPerson(browser(), "en-US");
    await register(page, "New Person", uniqueEmail("empty"), "a long enough passphrase 42");
    await page.getByLabel(enApp.workspaces.name).fill(`Reading group ${Date.now()}`);
    await page.getByRole("button", { name: enApp.workspaces.create }).click();
    await page.waitForURL(/\/w\/[a-z0-9-]+$/);
    const own = new URL(page.url()).pathname;
    const expectations: [string, string][] = [
      [own, enApp.documents.empty],
      [`${own}/compare`, enCompare.compare.empty],
      [`${own}/themes`, enThemes.themes.manage.empty],
      [`${own}/matrix`, enThemes.themes.matrix.noDocuments],
      [`${own}/map`, enArgument.argument.map.empty],
      [`${own}/export`, enExport.export.previewEmpty],
      [`${own}/search`, enSearch.search.noDocuments],
    ];
    const missing: string[] = [];
    for (const [p, text] of expectations) {
      await page.goto(p);
      // Client pages render their empty state once their data arrived.
      const found = await page.getByText(text.slice(0, 40), { exact: false }).first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
      if (!found) missing.push(`${p}: ${text.slice(0, 40)}…`);
      await page.screenshot({ path: `${SHOTS}/first-run-empty-${p.split("/").pop()}-en.png` });
    }
    expect(missing).toEqual([]);
    await context.close();
  });
});

describe("layout", () => {
  const pages = ["/w", ws, `${ws}/themes`, `${ws}/matrix`, `${ws}/map`, `${ws}/export`, `${ws}/members`, `${ws}/settings`, `${ws}/search?q=抑止`];

  for (const locale of ["ja-JP", "en-US"] as const) {
    it(`no page scrolls sideways on a 390×844 phone and the header stays compact (${locale})`, async () => {
      const { page, context } = await newPerson(browser(), locale);
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, owner.email, owner.password);
      const problems: string[] = [];
      for (const p of pages) {
        await page.goto(p);
        await page.waitForLoadState("networkidle").catch(() => {});
        const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, header: document.querySelector(".topbar")?.getBoundingClientRect().height ?? 0 }));
        // scrollWidth past the viewport is a page that moves sideways under a finger.
        if (m.scroll > m.width) problems.push(`${p}: scrollWidth ${m.scroll} > ${m.width}`);
        if (m.header > 844 * 0.2) problems.push(`${p}: header ${Math.round(m.header)} px`);
        await page.screenshot({ path: `${SHOTS}/first-run-phone-${p.split("/").pop()!.replace(/\W+/g, "_") || "w"}-${locale}.png` });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("keeps Sign out on one line at 1280 px in English, and heads the members' role column 'Role'", async () => {
    const { page, context } = await newPerson(browser(), "en-US");
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, owner.email, owner.password);
    await page.goto(`${ws}/members`);
    const button = page.getByRole("button", { name: "Sign out" });
    const box = await button.boundingBox();
    const lineHeight = await button.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 20);
    expect(box!.height).toBeLessThan(lineHeight * 2);
    const headers = await page.locator("table th").allInnerTexts();
    await page.goto(ws);
    // The document list counts each paper's annotations (a number per row).
    for (const cell of await page.getByTestId("document-annotations").allInnerTexts()) expect(cell).toMatch(/^\d+$/);
    await page.goto(`${ws}/members`);
    expect(headers).toContain("Role");
    expect(headers.join(" ")).not.toMatch(/your role/i);
    await page.screenshot({ path: `${SHOTS}/first-run-members-en.png` });
    // One row of top bar at 1280 px in both languages (Japanese labels are the wider ones here).
    for (const lang of ["en", "ja"]) {
      await page.getByTestId("locale-switcher").selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      const bar = await page.locator(".topbar").boundingBox();
      expect(bar!.height, lang).toBeLessThan(70);
    }
    await context.close();
  });
});
