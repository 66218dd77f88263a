/**
 * The "link to…" picker searches the whole workspace (#7), on a real build with the real collab
 * server: Aoi annotates a passage of paper 4 (index 4), then opens paper 2 ALONE, highlights a
 * passage there, searches the picker for the first passage's words (the page has not loaded
 * paper 4's annotations: the hit comes from the server), picks it with the keyboard and links.
 * The chip shows the other passage's quote, and clicking it opens paper 4 in a second pane,
 * focused on that passage.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { annotate, openCardId, openCompare, ready, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

async function workspaceId(page: Page): Promise<string> {
  const list = (await (await page.request.get("/api/workspaces")).json()) as { id: string; slug: string }[];
  return list.find((w) => w.slug === DEMO_WORKSPACE.slug)!.id;
}

/** Polls the search endpoint until the projection holds `id` (the collab server stores debounced). */
async function waitUntilSearchable(page: Page, wsId: string, query: string, id: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await page.request.get(`/api/workspaces/${wsId}/annotations/search?q=${encodeURIComponent(query)}&limit=50`);
    expect(res.status()).toBe(200);
    const hits = (await res.json()) as { id: string }[];
    if (hits.some((h) => h.id === id)) return;
    if (Date.now() > deadline) throw new Error(`annotation ${id} never became searchable as "${query}"`);
    await page.waitForTimeout(250);
  }
}

describe("the link picker's workspace search", () => {
  it("links to a passage of a paper that is not open, shows its quote on the chip and opens it from there", async () => {
    const a = await newPerson(browser(), "ja-JP");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const wsId = await workspaceId(a.page);

    // A passage of paper 4, annotated in a first visit; further into the text than the other
    // tests' passages (they start at a paragraph's first character).
    await openCompare(a.page, WS, [4]);
    const { id: target, text: quote } = await annotate(a.page, 0, 5, 3, 23);
    expect(quote.length).toBeGreaterThan(10);
    const { id: sibling } = await annotate(a.page, 0, 6, 3, 15);
    const paper4 = new URL(a.page.url()).searchParams.get("d")!;
    const query = quote.slice(2, 12);
    await waitUntilSearchable(a.page, wsId, query, target);
    await waitUntilSearchable(a.page, wsId, "", sibling);

    // Paper 2 alone: the page knows nothing of paper 4's annotations.
    await openCompare(a.page, WS, [2]);
    expect(await a.page.getByTestId("compare-view").getAttribute("data-panes")).toBe("1");
    const paper2 = new URL(a.page.url()).searchParams.get("d")!;
    expect(paper2).not.toBe(paper4);
    // The search fails at first: the picker says so and still lists what the page holds.
    const SEARCH = "**/annotations/search?**";
    await a.page.route(SEARCH, (r) => r.fulfill({ status: 503, json: { ok: false, error: { code: "db_unavailable", message: "db_unavailable" } } }));
    await selectText(a.page, 0, 4, 0, 12);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("add-link").click();
    await a.page.getByTestId("link-picker").waitFor({ timeout: 5_000 });
    const source = await openCardId(a.page);
    await a.page.getByTestId("link-picker-search-error").waitFor({ timeout: 5_000 });
    await a.page.unroute(SEARCH);

    // Paper 4's title, typed full-width and upper-case, lists all its passages (titles match too).
    const search = a.page.getByTestId("link-picker-search");
    await search.fill("ＧＲＥＡＴＥＲ　ａｌｌｉａｎｃｅ");
    await a.page.locator('[data-testid=link-picker] [role=listbox][aria-busy="false"]').waitFor({ timeout: 10_000 });
    expect(await a.page.getByTestId("link-picker-search-error").count()).toBe(0);
    const listed = await a.page.getByTestId("link-picker-option").evaluateAll((els) => els.map((e) => e.getAttribute("data-annotation-id")));
    expect(listed).toEqual(expect.arrayContaining([target, sibling]));
    expect(listed).not.toContain(source);
    await a.page.getByTestId("link-picker").screenshot({ path: `${SHOTS}/link-picker-results.png` });

    await search.fill(query);
    const option = a.page.locator(`[data-testid=link-picker-option][data-annotation-id="${target}"]`);
    await option.waitFor({ timeout: 10_000 });
    await expect(option.textContent()).resolves.toContain(quote.slice(0, 10));
    // Picked with the keyboard: ↓ to the option, Enter.
    const options = a.page.getByTestId("link-picker-option");
    const at = (await options.evaluateAll((els) => els.map((e) => e.getAttribute("data-annotation-id")))).indexOf(target);
    for (let i = 0; i <= at; i++) await search.press("ArrowDown");
    await search.press("Enter");
    await a.page.locator(`[role=option][aria-selected=true] [data-annotation-id="${target}"]`).waitFor({ timeout: 2_000 });
    await a.page.screenshot({ path: `${SHOTS}/link-picker-search.png` });

    await a.page.getByTestId("link-picker-relation").selectOption("elaborates");
    await a.page.getByTestId("link-picker-create").click();
    const chip = a.page.locator(`[data-testid=annotation-card][data-annotation="${source}"] [data-testid=link-chip][data-relation="elaborates"]`);
    await chip.waitFor({ timeout: 5_000 });
    // The chip names the other passage by its quote, not "in document …".
    await expect(chip.textContent()).resolves.toContain(quote.slice(0, 10));

    // After a reload (nothing cached in the page), the chip still names it by its quote.
    await a.page.reload();
    await ready(a.page, 1);
    await chip.waitFor({ timeout: 10_000 });
    await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toContain(quote.slice(0, 10));

    // The chip opens paper 4 in a second pane, focused on the passage.
    await chip.locator("button").first().click();
    await a.page.locator('[data-testid=compare-view][data-panes="2"]').waitFor({ timeout: 20_000 });
    await a.page.locator(`[data-testid=annotation-card][data-annotation="${target}"]`).waitFor({ timeout: 20_000 });
    expect(new URL(a.page.url()).searchParams.get("d")).toBe(`${paper2},${paper4}`);
    // And the link is there from that side too.
    await a.page.locator(`[data-testid=annotation-card][data-annotation="${target}"] [data-testid=link-chip][data-relation="elaborates"]`).waitFor({ timeout: 5_000 });
    await a.context.close();
  }, 120_000);
});
