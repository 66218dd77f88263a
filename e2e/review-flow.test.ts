/**
 * A review over days, in a real browser on a real build: the owner asks an editor to review a
 * paper by a date; the editor sees it on the review board and annotates; the owner names a
 * snapshot, the annotations change, and the snapshot's diff against now shows the change; a
 * share link opens the compare view read-only for a browser with no session, and stops after
 * revocation. Steps are separate helpers so that the notification, mention and activity-feed
 * steps slot in between them.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { baseUrl, newPerson, register, sharedBrowser, signIn, uniqueEmail } from "./support/browser";
import { annotate, openCompare, ready, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const REVIEW = `${WS}/review`;
const browser = sharedBrowser();

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function editorMember() {
  const person = await newPerson(browser(), "en-US");
  const email = uniqueEmail("editor");
  const name = `Editor ${Date.now().toString(36)}`;
  await register(person.page, name, email, "correct horse battery staple");
  const { prisma } = await import("../lib/infra/db/client");
  const [user, ws] = await Promise.all([prisma.user.findUniqueOrThrow({ where: { email } }), prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } })]);
  await prisma.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "editor" } });
  return { ...person, id: user.id, name };
}

async function assign(owner: Page, editor: { id: string; name: string }): Promise<void> {
  await owner.goto(REVIEW);
  const form = owner.getByTestId("assign-form");
  await form.locator("select[name=assignee]").selectOption(editor.id);
  await form.locator("input[name=due]").fill("2099-05-12");
  await form.getByRole("button").click();
  await owner.locator(`[data-testid=board-row][data-assignee="${editor.id}"]`).waitFor({ timeout: 10_000 });
}

async function annotatedCount(page: Page, editorId: string): Promise<number> {
  await page.goto(REVIEW);
  return Number(await page.locator(`[data-testid=board-row][data-assignee="${editorId}"] [data-testid=board-annotated]`).first().innerText());
}

describe("review flow", () => {
  it("assignment, annotation, snapshot diff, share link until revoked", async () => {
    const owner = await newPerson(browser(), "ja-JP");
    await owner.page.setViewportSize({ width: 1280, height: 800 });
    await signIn(owner.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const editor = await editorMember();
    await editor.page.setViewportSize({ width: 1280, height: 800 });

    // An owner assigns the first paper to an editor, who sees it and annotates.
    await assign(owner.page, editor);
    await shoot(owner.page, "review-board-ja");
    expect(await annotatedCount(editor.page, editor.id)).toBe(0);
    await shoot(editor.page, "review-board-en");
    await openCompare(editor.page, WS, [0]);
    await annotate(editor.page, 0, 2, 0, 12);
    await expect.poll(() => annotatedCount(editor.page, editor.id), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

    // A snapshot is taken, the annotations change, the diff against now shows the change.
    await owner.page.goto(REVIEW);
    await owner.page.getByTestId("snapshot-form").locator("input").fill("5月12日の会合用ドラフト");
    await owner.page.getByTestId("snapshot-form").getByRole("button").click();
    await owner.page.getByTestId("snapshot-list").getByText("5月12日の会合用ドラフト").waitFor({ timeout: 15_000 });
    await openCompare(editor.page, WS, [0]);
    const added = await annotate(editor.page, 0, 3, 0, 10);
    await expect.poll(async () => {
      await owner.page.goto(REVIEW);
      await owner.page.getByTestId("snapshot-compare-live").first().click();
      return owner.page.getByTestId("snapshot-diff").innerText();
    }, { timeout: 20_000 }).toContain(added.text.slice(0, 5));
    await shoot(owner.page, "review-snapshot-diff-ja");

    // A share link opens the compare view read-only with no session, and stops after revocation.
    await owner.page.goto(REVIEW);
    const share = owner.page.getByTestId("share-form");
    await share.locator("input[name=share-doc]").first().check();
    await share.getByRole("button").click();
    const href = await owner.page.getByTestId("share-url").first().getAttribute("href", { timeout: 10_000 });
    expect(href).toMatch(/^\/s\//);
    const guest = await newPerson(browser(), "en-US");
    await guest.page.setViewportSize({ width: 1280, height: 800 });
    await guest.page.goto(`${baseUrl()}${href}`);
    await guest.page.getByTestId("share-banner").waitFor({ timeout: 10_000 });
    await ready(guest.page, 1);
    await selectText(guest.page, 0, 3, 0, 10);
    await guest.page.waitForTimeout(400);
    expect(await guest.page.getByTestId("selection-toolbar").count()).toBe(0);
    await shoot(guest.page, "review-shared-en");
    await owner.page.getByTestId("share-revoke").first().click();
    await owner.page.locator("[data-testid=share-list] li[data-state=revoked]").first().waitFor({ timeout: 10_000 });
    await guest.page.goto(`${baseUrl()}${href}`);
    await guest.page.getByTestId("share-refused").waitFor({ timeout: 10_000 });
    expect(await guest.page.getByTestId("compare-view").count()).toBe(0);
    await shoot(guest.page, "review-shared-revoked-en");
  }, 180_000);
});
