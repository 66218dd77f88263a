/**
 * What each role sees, on a real build with the real collab server: Aoi (owner) annotates a
 * passage; a viewer and a commenter of the same workspace open it. The viewer reads only —
 * no selection toolbar, no checkboxes, no theme/link/delete controls, a read-only note, no
 * reply box; the commenter replies (and Aoi sees the reply live) but otherwise reads. The
 * server enforces the same rules (tests/auth, tests/collab); this is what people see.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { newPerson, register, sharedBrowser, signIn, uniqueEmail } from "./support/browser";
import { annotate, openCompare, ready, selectText } from "./support/compare";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

/** A new account, made a member of the demo workspace with `role`. */
async function member(role: "viewer" | "commenter", locale: "ja-JP" | "en-US") {
  const person = await newPerson(browser(), locale);
  const email = uniqueEmail(role);
  await register(person.page, `${role} ${Date.now().toString(36)}`, email, "correct horse battery staple");
  const { prisma } = await import("../lib/infra/db/client");
  const [user, ws] = await Promise.all([prisma.user.findUniqueOrThrow({ where: { email } }), prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } })]);
  await prisma.membership.create({ data: { workspaceId: ws.id, userId: user.id, role } });
  return person;
}

/** No toolbar may come up for a selection (it appears within a frame when it does). */
async function expectNoToolbar(page: Page): Promise<void> {
  await selectText(page, 0, 3, 0, 10);
  await page.waitForTimeout(400);
  expect(await page.getByTestId("selection-toolbar").count()).toBe(0);
}

describe("roles in the compare view", () => {
  it("a viewer reads; a commenter reads and replies; neither can annotate, tag, link or delete", async () => {
    const owner = await newPerson(browser(), "ja-JP");
    await signIn(owner.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await openCompare(owner.page, WS, [2]);
    const passage = await annotate(owner.page, 0, 2, 0, 16);
    const focused = new URL(owner.page.url());
    focused.searchParams.set("focus", passage.id);
    const url = focused.pathname + focused.search;
    await owner.page.goto(url);
    await ready(owner.page, 1);
    const note = `オーナーのメモ ${Date.now().toString(36)}`;
    await owner.page.locator(`[data-testid=annotation-card][data-annotation="${passage.id}"]`).waitFor({ timeout: 10_000 });
    await owner.page.getByTestId("note-editor").click();
    await owner.page.keyboard.type(note);

    const viewer = await member("viewer", "en-US");
    await viewer.page.goto(url);
    await ready(viewer.page, 1);
    const card = viewer.page.locator(`[data-testid=annotation-card][data-annotation="${passage.id}"]`);
    await card.waitFor({ timeout: 10_000 });
    const readOnlyNote = viewer.page.getByTestId("note-editor");
    await readOnlyNote.filter({ hasText: note }).waitFor({ timeout: 10_000 });
    await expect(readOnlyNote.getAttribute("contenteditable")).resolves.toBe("false");
    for (const control of ["card-add-theme", "card-add-link", "delete-annotation", "toggle-status", "reply-input", "card-link-handle"]) {
      expect(await card.getByTestId(control).count(), control).toBe(0);
    }
    await viewer.page.getByTestId("back-to-list").click();
    await viewer.page.getByTestId("annotation-list").waitFor();
    expect(await viewer.page.getByTestId("annotation-select").count()).toBe(0);
    await expectNoToolbar(viewer.page);
    await viewer.page.screenshot({ path: `${SHOTS}/roles-viewer-en.png` });

    const commenter = await member("commenter", "ja-JP");
    await commenter.page.goto(url);
    await ready(commenter.page, 1);
    const theirCard = commenter.page.locator(`[data-testid=annotation-card][data-annotation="${passage.id}"]`);
    await theirCard.waitFor({ timeout: 10_000 });
    for (const control of ["card-add-theme", "card-add-link", "delete-annotation"]) expect(await theirCard.getByTestId(control).count(), control).toBe(0);
    await expect(commenter.page.getByTestId("note-editor").getAttribute("contenteditable")).resolves.toBe("false");
    const reply = `コメンテーターの返信 ${Date.now().toString(36)}`;
    await theirCard.getByTestId("reply-input").fill(reply);
    await theirCard.getByTestId("reply-send").click();
    await owner.page.locator("[data-testid=reply-body]", { hasText: reply }).waitFor({ timeout: 10_000 });
    await commenter.page.getByTestId("back-to-list").click();
    expect(await commenter.page.getByTestId("annotation-select").count()).toBe(0);
    await expectNoToolbar(commenter.page);
    await commenter.page.screenshot({ path: `${SHOTS}/roles-commenter-ja.png` });

    for (const p of [owner, viewer, commenter]) await p.context.close();
  }, 120_000);
});
