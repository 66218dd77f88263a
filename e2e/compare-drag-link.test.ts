/**
 * Linking by dragging (issue #7), on a real build with the real collab server: Aoi highlights a
 * passage in each of two panes, drags the link handle of the second one's card onto the first
 * highlight, chooses "opposes" and sees the link chip on both cards and a connector between the
 * panes. Alt+dragging the same way again is refused with the model's duplicate error, and Escape
 * cancels a drag in progress.
 */
import { describe, expect, it } from "vitest";
import { openCardId, openCompare, pointOf, selectText } from "./support/compare";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

describe("linking by dragging in the compare view", () => {
  it("drags from one highlight to another across panes, chooses a relation, sees chips and a connector", async () => {
    const a = await newPerson(browser(), "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    // Papers 003 and 004: the other compare tests annotate and link 000 and 001 in the same
    // demo workspace, and their links would be drawn here too.
    await openCompare(a.page, WS, [3, 4]);

    // Two passages, one per pane, created with the selection toolbar: a plain highlight in pane 1,
    // then a passage of pane 2 with a note (which opens its card).
    await selectText(a.page, 0, 3, 0, 12);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("highlight-yellow").click();
    await a.page.getByTestId("selection-toolbar").waitFor({ state: "detached" });
    await selectText(a.page, 1, 3, 0, 12);
    await a.page.getByTestId("selection-toolbar").waitFor();
    await a.page.getByTestId("add-note").click();
    const second = await openCardId(a.page);

    // Drag the second card's link handle onto the first highlight (pane 1).
    const handle = a.page.locator(`[data-testid=annotation-card][data-annotation="${second}"] [data-testid=card-link-handle]`);
    const hb = (await handle.boundingBox())!;
    const target = await pointOf(a.page, 0, 3, 0, 12);
    await a.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await a.page.mouse.down();
    await a.page.mouse.move(target.x - 40, target.y + 30, { steps: 5 });
    await a.page.getByTestId("link-drag-band").waitFor({ timeout: 5_000 });
    await a.page.mouse.move(target.x, target.y, { steps: 5 });
    await a.page.mouse.up();
    const chooser = a.page.getByTestId("link-drag-chooser");
    await chooser.waitFor({ timeout: 5_000 });
    expect(await a.page.getByTestId("link-drag-band").count()).toBe(0);
    await chooser.locator('[data-testid=link-drag-relation][data-relation="opposes"]').check();
    await a.page.getByTestId("link-drag-note").fill("The second paper disagrees.");
    await a.page.getByTestId("link-drag-create").click();
    await chooser.waitFor({ state: "detached", timeout: 5_000 });

    // The chip on the second card, the connector between the panes…
    const secondChip = a.page.locator(`[data-testid=annotation-card][data-annotation="${second}"] [data-testid=link-chip]`);
    await secondChip.waitFor({ timeout: 5_000 });
    expect(await secondChip.getAttribute("data-relation")).toBe("opposes");
    await a.page.locator("[data-testid=link-connectors] [data-testid=link-connector]").first().waitFor({ timeout: 5_000 });
    await a.page.screenshot({ path: `${SHOTS}/compare-drag-link.png` });

    // …and on the first card, opened by clicking its highlight.
    const p1 = await pointOf(a.page, 0, 3, 0, 12);
    await a.page.mouse.click(p1.x, p1.y);
    await a.page.locator(`[data-testid=annotation-card]:not([data-annotation="${second}"])`).waitFor({ timeout: 5_000 });
    const first = await openCardId(a.page);
    expect(first).not.toBe(second);
    const firstChip = a.page.locator(`[data-testid=annotation-card][data-annotation="${first}"] [data-testid=link-chip]`);
    await firstChip.waitFor({ timeout: 5_000 });
    expect(await firstChip.getAttribute("data-relation")).toBe("opposes");

    // Alt+drag on a highlight, cancelled with Escape.
    const p2 = await pointOf(a.page, 1, 3, 0, 12);
    await a.page.keyboard.down("Alt");
    await a.page.mouse.move(p2.x, p2.y);
    await a.page.mouse.down();
    await a.page.mouse.move(p1.x + 30, p1.y + 30, { steps: 5 });
    await a.page.getByTestId("link-drag-band").waitFor({ timeout: 5_000 });
    await a.page.keyboard.press("Escape");
    await a.page.getByTestId("link-drag-band").waitFor({ state: "detached", timeout: 5_000 });
    await a.page.mouse.up();
    await a.page.keyboard.up("Alt");

    // Alt+drag the same link again: the model refuses the duplicate, and says so.
    await a.page.keyboard.down("Alt");
    await a.page.mouse.move(p2.x, p2.y);
    await a.page.mouse.down();
    await a.page.mouse.move(p1.x, p1.y, { steps: 8 });
    await a.page.mouse.up();
    await a.page.keyboard.up("Alt");
    await chooser.waitFor({ timeout: 5_000 });
    await chooser.locator('[data-testid=link-drag-relation][data-relation="opposes"]').check();
    await a.page.getByTestId("link-drag-create").click();
    await a.page.getByTestId("link-drag-error").waitFor({ timeout: 5_000 });
    await a.page.keyboard.press("Escape");
    await chooser.waitFor({ state: "detached", timeout: 5_000 });
    // Still one link between the two passages.
    const linkIds = await a.page.locator("[data-testid=link-connectors] [data-testid=link-connector]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-link-id")));
    expect(new Set(linkIds).size, `connectors: ${JSON.stringify(linkIds)}`).toBe(1);

    await a.context.close();
  }, 120_000);
});
