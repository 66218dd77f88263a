/**
 * `npm run screenshots`: the README's pictures, taken from the demo workspace in headless
 * chromium (e2e/support/launch.ts), in Japanese and English, into docs/screenshots/.
 *
 *   npm run screenshots                        starts its own app like the e2e setup (fresh database
 *                                              seeded with the demo, production build, collab, worker)
 *   npm run screenshots -- --url http://localhost:3000
 *                                              uses a running `npm start` (its demo workspace as it is)
 *
 * Each view waits for its live data (painted panes, the connected socket, the matrix) before the
 * picture; a view that has nothing to show yet (a demo without annotations) is still taken, so the
 * pictures always match what a newcomer sees.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../e2e/support/launch";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs", "screenshots");
const LOCALES = [["ja", "ja-JP"], ["en", "en-US"]] as const;

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A server for the pictures: the one named by --url, else one started like the e2e setup. */
async function server(): Promise<{ url: string; stop(): Promise<void> }> {
  const url = argValue("--url");
  if (url) return { url: url.replace(/\/+$/, ""), stop: async () => {} };
  const { default: setup } = await import("../e2e/setup/global");
  const provided: Record<string, string> = {};
  const teardown = await setup({ provide: (key: string, value: string) => void (provided[key] = value) } as never);
  return { url: provided.e2eBaseUrl!, stop: teardown };
}

async function signIn(page: Page, base: string): Promise<void> {
  const owner = DEMO_USERS[0];
  await page.goto(`${base}/signin?callbackUrl=${encodeURIComponent("/w")}`);
  await page.locator('input[name="email"]').fill(owner.email);
  await page.locator('input[name="password"]').fill(owner.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.pathname.startsWith("/w"));
}

/** Lets late paints (connectors, fonts, the map's layout) settle before a picture. */
const settle = (page: Page, ms = 1200) => page.waitForTimeout(ms);

async function shoot(browser: Browser, base: string, lang: string, locale: string): Promise<string[]> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 }, timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  const taken: string[] = [];
  const save = async (name: string) => {
    const file = path.join(outDir, `${name}-${lang}.png`);
    await page.screenshot({ path: file });
    taken.push(path.relative(root, file));
  };
  const ws = `${base}/w/${DEMO_WORKSPACE.slug}`;
  try {
    await signIn(page, base);

    // Compare: the first two papers side by side, with their highlights and links.
    await page.goto(ws);
    const checks = page.getByTestId("compare-check");
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByTestId("compare-selected").click();
    await page.waitForURL(/\/compare\?/);
    await page.locator('[data-testid=compare-pane][data-painted="true"]').nth(1).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=connection-state][data-state="connected"]').waitFor({ timeout: 30_000 });
    // The first-visit tour would cover the panes: these pictures show the view itself.
    const tour = page.getByTestId("tour-close");
    if (await tour.waitFor({ timeout: 3_000 }).then(() => true, () => false)) await tour.click();
    // Open the first annotation that has a link, so the card and its connector show; else the first one.
    const row = page.getByTestId("annotation-row").first();
    if (await row.count()) await row.click();
    await settle(page);
    await save("compare");

    // Matrix, then the parallel columns of its first theme.
    await page.goto(`${ws}/matrix`);
    await page.locator("[data-testid=theme-matrix], main p").first().waitFor({ timeout: 30_000 });
    await settle(page);
    await save("matrix");
    const theme = page.getByTestId("matrix-theme").first();
    if (await theme.count()) {
      await theme.click();
      await page.getByTestId("parallel-columns").waitFor({ timeout: 10_000 });
      await page.getByTestId("parallel-columns").scrollIntoViewIfNeeded();
      await settle(page, 500);
      await save("parallel");
    }

    await page.goto(`${ws}/map`);
    await page.getByTestId("map-view").waitFor({ timeout: 30_000 });
    await settle(page, 2500);
    await save("map");

    await page.goto(`${ws}/export`);
    await page.getByTestId("export-count").waitFor({ timeout: 30_000 });
    await settle(page, 500);
    await save("export");
  } finally {
    await context.close();
  }
  return taken;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const app = await server();
  const browser = await launchBrowser();
  try {
    for (const [lang, locale] of LOCALES) {
      for (const file of await shoot(browser, app.url, lang, locale)) process.stdout.write(`${file}\n`);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`screenshots failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
