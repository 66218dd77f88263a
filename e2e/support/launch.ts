import { chromium, type Browser } from "playwright-core";

// Its own module, free of vitest: the benchmarks launch the same browser outside a test run
// (browser.ts registers vitest hooks at import, which fails there).

/** Debian's chromium through playwright-core: Playwright's own browser downloads do not work offline. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
}
