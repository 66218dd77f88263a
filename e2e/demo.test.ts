import { describe, expect, it } from "vitest";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const browser = sharedBrowser();

describe("a newcomer after npm start", () => {
  it("signs in with the printed demo credentials and sees the five papers", async () => {
    const { page, context } = await newPerson(browser());
    await page.goto("/");
    await page.waitForURL(/\/signin/);
    const owner = DEMO_USERS[0];
    await signIn(page, owner.email, owner.password);
    await page.getByRole("link", { name: DEMO_WORKSPACE.name }).click();
    await page.waitForURL(`**/w/${DEMO_WORKSPACE.slug}`);
    await expect(page.getByTestId("workspace-name").textContent()).resolves.toBe(DEMO_WORKSPACE.name);
    const rows = page.getByTestId("document-list").locator("tbody tr");
    // At least the five papers: other e2e files (the REFI-QDA import) add documents to this shared workspace.
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    const text = await page.getByTestId("document-list").innerText();
    expect(text).toContain("日米");
    await page.screenshot({ path: ".test-data/screenshots/demo-documents-ja.png", fullPage: true });
    await context.close();
  });
});

describe("the HTTP API", () => {
  it("answers 401 without a session and 404 for another workspace's data, never 500", async () => {
    const { baseUrl } = await import("./support/browser");
    const anon = await fetch(`${baseUrl()}/api/workspaces`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    const { page, context } = await newPerson(browser());
    const owner = DEMO_USERS[0];
    await signIn(page, owner.email, owner.password);
    const mine = await page.request.get("/api/workspaces");
    expect(mine.status()).toBe(200);
    const list = (await mine.json()) as { id: string; slug: string }[];
    const demo = list.find((w) => w.slug === DEMO_WORKSPACE.slug)!;
    expect((await page.request.get(`/api/workspaces/${demo.id}/documents`)).status()).toBe(200);
    const foreign = await page.request.get(`/api/workspaces/not-a-real-id/documents`);
    expect(foreign.status()).toBe(404);
    const hostile = await page.request.get(`/api/workspaces/${encodeURIComponent("'; DROP TABLE \"User\";--")}/members`);
    expect(hostile.status()).toBe(404);
    const bad = await page.request.post("/api/workspaces", { data: "{not json", headers: { "content-type": "application/json" } });
    expect(bad.status()).toBe(400);
    const health = await (await fetch(`${baseUrl()}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: { status: "ok" } });
    await context.close();
  });

  it("stacks the layout on a phone-sized screen", async () => {
    const context = await browser().newContext({ baseURL: (await import("./support/browser")).baseUrl(), locale: "en-US", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const owner = DEMO_USERS[0];
    await signIn(page, owner.email, owner.password);
    await page.goto(`/w/${DEMO_WORKSPACE.slug}`);
    await page.getByTestId("document-list").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".test-data/screenshots/demo-documents-en-phone.png", fullPage: true });
    await context.close();
  });
});
