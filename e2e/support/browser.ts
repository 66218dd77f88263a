import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { launchBrowser } from "./launch";

export { launchBrowser };

export function baseUrl(): string {
  return inject("e2eBaseUrl");
}

/** Content-Security-Policy violations seen by any page of this test file; a test that causes one fails. */
const cspViolations: string[] = [];
const expectedViolations: RegExp[] = [];
afterEach(() => {
  const seen = cspViolations.splice(0).filter((v) => !expectedViolations.some((re) => re.test(v)));
  expectedViolations.length = 0;
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations:\n${seen.join("\n")}`);
});

/** Declares violations the current test provokes on purpose (an XSS attempt the CSP must block). */
export function expectCspViolation(pattern: RegExp): void {
  expectedViolations.push(pattern);
}

/** Reports every CSP violation of a context's pages (the DOM event and chromium's console line). */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding("__reportCspViolation", (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
}

/**
 * A fresh context (cookies, storage) with the browser's language set, like a new person. First-visit
 * tours are off (their card would sit over what a test clicks) unless `tours` asks for them.
 */
export async function newPerson(browser: Browser, locale: "ja-JP" | "en-US" = "ja-JP", opts: { tours?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 860 } });
  await watchCsp(context);
  if (!opts.tours) await context.addInitScript(() => localStorage.setItem("synoptic.tours", "off"));
  const page = await context.newPage();
  return { context, page };
}

let counter = 0;
/** A unique email per test run, so tests never collide with earlier data. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.test`;
}

export async function register(page: Page, name: string, email: string, password: string, callbackUrl = "/w"): Promise<void> {
  await page.goto(`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith(callbackUrl.split("?")[0]!));
}

export async function signIn(page: Page, email: string, password: string, callbackUrl = "/w"): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith(callbackUrl));
}

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    /** The e2e database, for tests that check what was stored. */
    e2eDatabaseUrl: string;
  }
}

/**
 * One browser for a test file: launched before its tests, closed after them. Returns a getter
 * (the browser exists only once `beforeAll` has run).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("sharedBrowser(): the browser is launched in beforeAll");
    return browser;
  };
}
