/**
 * Issue #7's "done means", as one flow on a real build with the real collab server: Aoi (in
 * Japanese) and Ken (in English) read three papers side by side; Aoi links a passage of the
 * second paper to one of the first, Ken links a passage of the third to Aoi's second. Each sees
 * the other's connector drawn between the panes as it is made, Ken's map (open in another tab
 * all along) shows both edges as they arrive, the map exports as AIF and SVG with both links,
 * and a link removed in the compare view leaves the map and the other compare view live.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { AifDocument } from "../lib/core/argument/export-aif";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { newPerson, signIn, sharedBrowser } from "./support/browser";
import { annotate, openCardId, openCompare, ready, selectText } from "./support/compare";
import { aifRelation, downloadMapExport, mapEdge, openMap, timeUntilShown } from "./support/map";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();

const connector = (page: Page, linkId: string) => page.locator(`[data-testid=link-connectors] [data-testid=link-connector][data-link-id="${linkId}"]`);

/**
 * Selects a passage, chooses "link to…" in the toolbar (which creates the annotation and opens
 * its card with the picker), picks `targetId` by searching for `search`, and creates the link.
 * Returns the new annotation's and link's ids.
 */
async function linkFromSelection(page: Page, pane: number, nth: number, targetId: string, search: string, relation: string): Promise<{ id: string; linkId: string; text: string }> {
  const text = await selectText(page, pane, nth, 0, 14);
  await page.getByTestId("selection-toolbar").waitFor();
  await page.getByTestId("add-link").click();
  await page.getByTestId("link-picker").waitFor({ timeout: 5_000 });
  const id = await openCardId(page);
  await page.getByTestId("link-picker-search").fill(search);
  await page.locator(`[data-testid=link-picker-option][data-annotation-id="${targetId}"]`).first().click();
  await page.getByTestId("link-picker-relation").selectOption(relation);
  await page.getByTestId("link-picker-create").click();
  const chip = page.locator(`[data-testid=annotation-card][data-annotation="${id}"] [data-testid=link-chip][data-relation="${relation}"]`);
  await chip.waitFor({ timeout: 5_000 });
  return { id, text, linkId: (await chip.getAttribute("data-link-id"))! };
}

describe("links across three papers, from two browsers", () => {
  it("connectors in both compare views and edges on the map appear live; the map exports as AIF and SVG", async () => {
    const a = await newPerson(browser(), "ja-JP");
    const b = await newPerson(browser(), "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await signIn(b.page, DEMO_USERS[1].email, DEMO_USERS[1].password);

    // Both read the first three papers side by side; Ken also has the map open in a second tab.
    await openCompare(a.page, WS, [0, 1, 2]);
    await b.page.goto(a.page.url());
    await ready(b.page, 3);
    const map = await b.context.newPage();
    await openMap(map);

    // Aoi: a passage of the first paper, then one of the second that supports it.
    const first = await annotate(a.page, 0, 1, 0, 14);
    const second = await linkFromSelection(a.page, 1, 1, first.id, first.text.slice(2, 9), "supports");
    await connector(a.page, second.linkId).waitFor({ state: "attached", timeout: 5_000 });
    const connectorSeenByKen = await timeUntilShown(connector(b.page, second.linkId));
    const edgeSeenOnMap = await timeUntilShown(mapEdge(map, second.id, first.id, "supports"));

    // Ken: a passage of the third paper that opposes Aoi's second; Aoi sees the connector, the map the edge.
    const third = await linkFromSelection(b.page, 2, 1, second.id, second.text.slice(2, 9), "opposes");
    const connectorSeenByAoi = await timeUntilShown(connector(a.page, third.linkId));
    const secondEdgeOnMap = await timeUntilShown(mapEdge(map, third.id, second.id, "opposes"));
    expect(Math.max(connectorSeenByKen, connectorSeenByAoi, edgeSeenOnMap, secondEdgeOnMap)).toBeLessThan(5_000);
    await a.page.screenshot({ path: `${SHOTS}/argument-flow-compare-ja.png` });

    // The map, exported as AIF and SVG, holds both links between the three papers' passages.
    const aif = JSON.parse((await downloadMapExport(map, "aif")).toString("utf8")) as AifDocument;
    expect(aifRelation(aif, second.id, first.id)).toBe("RA");
    expect(aifRelation(aif, third.id, second.id)).toBe("CA");
    const documents = new Set(aif.synoptic.sources.filter((s) => [first.id, second.id, third.id].includes(s.annotationId)).map((s) => s.documentId));
    expect(documents.size).toBe(3);
    const svg = (await downloadMapExport(map, "svg")).toString("utf8");
    for (const id of [first.id, second.id, third.id]) expect(svg).toContain(`data-node="${id}"`);
    expect(svg).toContain(`data-link="${second.linkId}" data-relation="supports"`);
    expect(svg).toContain(`data-link="${third.linkId}" data-relation="opposes"`);
    await map.keyboard.press("Escape");
    await map.screenshot({ path: `${SHOTS}/argument-flow-map-en.png` });

    // Aoi removes her link from the card: it leaves Ken's compare view and his map.
    const card = a.page.locator(`[data-testid=annotation-card][data-annotation="${second.id}"]`);
    if (!(await card.count())) {
      await a.page.getByTestId("sidebar-tab").nth(1).click();
      await a.page.locator(`[data-testid=annotation-row][data-annotation="${second.id}"]`).click();
    }
    await card.locator(`[data-testid=link-chip][data-link-id="${second.linkId}"] button[aria-label]`).click();
    await connector(b.page, second.linkId).waitFor({ state: "detached", timeout: 10_000 });
    await mapEdge(map, second.id, first.id).waitFor({ state: "detached", timeout: 10_000 });
    await mapEdge(map, third.id, second.id, "opposes").waitFor({ state: "attached" });

    await a.context.close();
    await b.context.close();
  }, 150_000);
});
