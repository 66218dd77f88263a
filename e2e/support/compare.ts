import type { Page } from "playwright-core";

/** Waits until `panes` compare panes have painted their highlights and the collab socket is connected. */
export async function ready(page: Page, panes: number): Promise<void> {
  await page.locator('[data-testid=compare-pane][data-painted="true"]').nth(panes - 1).waitFor({ timeout: 20_000 });
  await page.locator('[data-testid=connection-state][data-state="connected"]').waitFor({ timeout: 20_000 });
}

/**
 * Selects characters [from, to) of the `nth` paragraph of pane `pane` programmatically, as a
 * drag would; with `scroll` (the default) the paragraph is scrolled into view first.
 */
export async function selectText(page: Page, pane: number, nth: number, from: number, to: number, opts: { scroll?: boolean } = {}): Promise<string> {
  return page.evaluate(
    ({ pane, nth, from, to, scroll }) => {
      const el = document.querySelectorAll("[data-testid=compare-pane]")[pane]!.querySelectorAll<HTMLElement>("[data-kind=paragraph]")[nth]!;
      if (scroll) el.scrollIntoView({ block: "center" });
      const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, Math.min(to, node.data.length));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(r);
      return r.toString();
    },
    { pane, nth, from, to, scroll: opts.scroll ?? true },
  );
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
