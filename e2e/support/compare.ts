import type { Page } from "playwright-core";

/** Waits until `panes` compare panes have painted their highlights and the collab socket is connected. */
export async function ready(page: Page, panes: number): Promise<void> {
  await page.locator('[data-testid=compare-pane][data-painted="true"]').nth(panes - 1).waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=connection-state][data-state="connected"]').waitFor({ timeout: 20_000 });
}

/**
 * Characters [from, to) of the `nth` paragraph of pane `pane`: their text and the client point
 * in their middle; with `select` the range becomes the document's selection, as a drag would
 * make it; with `scroll` the paragraph is scrolled into view first.
 */
async function paragraphRange(page: Page, at: { pane: number; nth: number; from: number; to: number; scroll: boolean; select: boolean }): Promise<{ text: string; x: number; y: number }> {
  return page.evaluate(({ pane, nth, from, to, scroll, select }) => {
    const el = document.querySelectorAll("[data-testid=compare-pane]")[pane]!.querySelectorAll<HTMLElement>("[data-kind=paragraph]")[nth]!;
    if (scroll) el.scrollIntoView({ block: "center" });
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const r = document.createRange();
    r.setStart(node, from);
    r.setEnd(node, Math.min(to, node.data.length));
    if (select) {
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
    }
    const box = r.getClientRects()[0];
    return { text: r.toString(), x: box ? box.left + box.width / 2 : NaN, y: box ? box.top + box.height / 2 : NaN };
  }, at);
}

/** Selects characters [from, to) of the `nth` paragraph of pane `pane` (scrolled into view unless `scroll` is false); returns the text. */
export async function selectText(page: Page, pane: number, nth: number, from: number, to: number, opts: { scroll?: boolean } = {}): Promise<string> {
  return (await paragraphRange(page, { pane, nth, from, to, scroll: opts.scroll ?? true, select: true })).text;
}

/** From the workspace's document list, opens the papers at `indexes` in the compare view and waits for it. */
export async function openCompare(page: Page, workspacePath: string, indexes: number[]): Promise<void> {
  await page.goto(workspacePath);
  const checks = page.getByTestId("compare-check");
  for (const i of indexes) await checks.nth(i).check();
  await page.getByTestId("compare-selected").click();
  await page.waitForURL(/\/compare\?/);
  await ready(page, indexes.length);
}

/** The id of the annotation whose card the sidebar shows (waits for the card). */
export async function openCardId(page: Page): Promise<string> {
  const card = page.getByTestId("annotation-card");
  await card.waitFor({ timeout: 5_000 });
  return (await card.getAttribute("data-annotation"))!;
}

/**
 * Highlights characters [from, to) of paragraph `nth` of pane `pane` with the toolbar's note
 * button (which opens the new annotation's card), goes back to the list and returns the
 * annotation's id and text.
 */
export async function annotate(page: Page, pane: number, nth: number, from: number, to: number): Promise<{ id: string; text: string }> {
  const text = await selectText(page, pane, nth, from, to);
  await page.getByTestId("selection-toolbar").waitFor();
  await page.getByTestId("add-note").click();
  const id = await openCardId(page);
  await page.getByTestId("back-to-list").click();
  await page.getByTestId("annotation-list").waitFor();
  return { id, text };
}

/** The client point in the middle of characters [from, to) of paragraph `nth` of pane `pane` (scrolled into view with `scroll`). */
export async function pointOf(page: Page, pane: number, nth: number, from: number, to: number, opts: { scroll?: boolean } = {}): Promise<{ x: number; y: number }> {
  const { x, y } = await paragraphRange(page, { pane, nth, from, to, scroll: opts.scroll ?? false, select: false });
  return { x, y };
}
