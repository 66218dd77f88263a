/**
 * Long documents (issue 19), on a real build with the real collab server: a document of the demo
 * papers repeated to ~600,000 characters opens beside a demo paper in the compare view with only
 * the rows near its viewport rendered; the outline jumps to its last heading; a link whose far end
 * is in an unrendered region of the long pane is followed; an annotation another client makes far
 * away paints once its passage is brought into view; and Ctrl+F in the pane finds a phrase
 * through the app's own find box.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPerson, sharedBrowser, signIn } from "./support/browser";
import { ready } from "./support/compare";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { openCollabDoc, type CollabDocHandle } from "../lib/collab/client/connect";
import { annotationsDocName, buildAnchor, createAnnotation, createLink, metaDocName } from "../lib/collab/model";
import { catalogOf } from "../lib/core/argument";

const SHOTS = ".test-data/screenshots";
const WS = `/w/${DEMO_WORKSPACE.slug}`;
const browser = sharedBrowser();
const handles: CollabDocHandle[] = [];
afterAll(() => handles.forEach((h) => h.destroy()));

/** Texts of the long pane's painted annotation ranges (CSS Custom Highlight API layers of its painter). */
function paintedTexts(page: Page, documentId: string): Promise<string[]> {
  return page.evaluate((doc) => {
    const out: string[] = [];
    CSS.highlights.forEach((hl, name) => {
      if (!name.includes(`p-${doc}-c-`)) return;
      for (const r of hl) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (r.startContainer.isConnected) out.push(live.toString());
      }
    });
    return out;
  }, documentId);
}

/** Whether an element is inside its pane's visible box. */
async function shownInPane(page: Page, pane: number, selector: string): Promise<boolean> {
  return page.evaluate(
    ({ pane, selector }) => {
      const scroller = document.querySelectorAll<HTMLElement>("[data-testid=pane-scroll]")[pane]!;
      const el = scroller.querySelector(selector);
      if (!el) return false;
      const a = el.getBoundingClientRect();
      const b = scroller.getBoundingClientRect();
      return a.bottom > b.top && a.top < b.bottom;
    },
    { pane, selector },
  );
}

describe("long documents", () => {
  it("virtualised pane: outline, link far end, remote annotation, find box", async () => {
    const { prisma } = await import("../lib/infra/db/client");
    const { createLongDocument } = await import("../tests/support/long-document");
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    const long = await createLongDocument(ws.id, owner.id, 600_000, `長文書 ${Date.now().toString(36)}`);
    const short = (await prisma.document.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } }));
    const shortVersion = short.versions[0]!;

    const a = await newPerson(browser(), "ja-JP");
    await a.page.setViewportSize({ width: 1600, height: 900 });
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    const tokenInfo = async () => (await (await a.context.request.get("/api/collab-token")).json()) as { token: string; url: string };
    const { url } = await tokenInfo();
    const open = async (name: string) => {
      const h = openCollabDoc({ url, name, token: async () => (await tokenInfo()).token, origin: new URL(a.page.url()).origin });
      handles.push(h);
      await h.ready;
      return h;
    };
    const actor = { id: owner.id, name: owner.name ?? "Aoi" };
    // A passage of the short paper linked to one near the end of the long document.
    const shortDoc = await open(annotationsDocName(ws.id, short.id));
    const longDoc = await open(annotationsDocName(ws.id, long.id));
    const meta = await open(metaDocName(ws.id));
    const near = createAnnotation(shortDoc.doc, { anchor: buildAnchor(shortVersion.text, shortVersion.id, 40, 52), colour: "#3b82d6" }, actor, new Date());
    const farAt = long.paragraphs[long.paragraphs.length - 3]!.start + 2;
    const far = createAnnotation(longDoc.doc, { anchor: buildAnchor(long.text, long.versionId, farAt, farAt + 14), colour: "#e05a9c" }, actor, new Date());
    const end = (id: string, documentId: string) => ({ kind: "annotation" as const, id, documentId });
    createLink(meta.doc, { from: end(near.id, short.id), to: end(far.id, long.id), relation: "supports" }, catalogOf([near.id, far.id], []), actor, new Date());
    await expect.poll(() => [shortDoc, longDoc, meta].every((h) => h.settled()), { timeout: 10_000 }).toBe(true);

    // The long document opens with only its first rows rendered.
    const compareUrl = `${WS}/compare?d=${short.id},${long.id}`;
    await a.page.goto(compareUrl);
    await ready(a.page, 2);
    const pane = a.page.locator("[data-testid=compare-pane]").nth(1);
    await expect(pane.getByTestId("reader-text").getAttribute("data-virtual")).resolves.toBe("true");
    const counts = await pane.evaluate((el) => ({ nodes: el.getElementsByTagName("*").length, height: el.querySelector<HTMLElement>("[data-testid=pane-scroll]")!.scrollHeight }));
    expect(counts.nodes).toBeLessThan(2_500);
    expect(counts.height).toBeGreaterThan(100_000);
    await a.page.screenshot({ path: `${SHOTS}/long-document-ja.png` });

    // The outline's last heading: not rendered before the jump, at the top of the pane after it.
    const toggle = pane.locator("[data-testid=reader-outline] > button");
    if (await toggle.isVisible()) await toggle.click();
    const last = pane.locator("[data-testid=reader-outline] a").last();
    const target = (await last.getAttribute("data-jump"))!;
    expect(await pane.locator(`[id="${target}"]`).count()).toBe(0);
    await last.click();
    await expect.poll(() => shownInPane(a.page, 1, `[id="${target}"]`), { timeout: 10_000 }).toBe(true);

    // Back to the top, then follow the link from the short paper's passage to its far end.
    await pane.getByTestId("pane-scroll").evaluate((el) => (el.scrollTop = 0));
    await expect.poll(async () => (await paintedTexts(a.page, long.id)).includes(long.text.slice(farAt, farAt + 14))).toBe(false);
    await a.page.goto(`${compareUrl}&focus=${near.id}`);
    await ready(a.page, 2);
    const card = a.page.locator(`[data-testid=annotation-card][data-annotation="${near.id}"]`);
    await card.getByTestId("link-chip").locator("button").first().click();
    await a.page.locator(`[data-testid=annotation-card][data-annotation="${far.id}"]`).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await paintedTexts(a.page, long.id)).includes(long.text.slice(farAt, farAt + 14)), { timeout: 10_000 }).toBe(true);
    await a.page.screenshot({ path: `${SHOTS}/long-document-link-ja.png` });

    // Another client annotates the middle, far from the rendered rows: painted once scrolled to.
    const midAt = long.paragraphs.find((p) => p.start > long.text.length / 2)!.start + 2;
    const mid = createAnnotation(longDoc.doc, { anchor: buildAnchor(long.text, long.versionId, midAt, midAt + 10), colour: "#3aa66a" }, { id: owner.id, name: "Ken" }, new Date());
    const midText = long.text.slice(midAt, midAt + 10);
    await a.page.getByTestId("back-to-list").click();
    const row = a.page.locator(`[data-testid=annotation-row][data-annotation="${mid.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await paintedTexts(a.page, long.id)).not.toContain(midText);
    await row.click();
    await expect.poll(async () => (await paintedTexts(a.page, long.id)).includes(midText), { timeout: 10_000 }).toBe(true);

    // Ctrl+F in the pane: the app's find box, scoped to the pane, finds a phrase far below.
    const phraseAt = long.text.indexOf("。", Math.floor(long.text.length * 0.8)) + 1;
    const phrase = long.text.slice(phraseAt, phraseAt + 8).trim();
    await pane.locator("[data-testid=reader-text] [data-start]").first().click();
    await a.page.keyboard.press("Control+f");
    const input = a.page.getByTestId("pane-find-input");
    await input.waitFor({ timeout: 5_000 });
    await expect(a.page.getByTestId("search-marks").getAttribute("data-scope")).resolves.toBe(long.id);
    await input.fill(phrase);
    await input.press("Enter");
    await expect.poll(() => a.page.getByTestId("search-marks-count").textContent(), { timeout: 15_000 }).toMatch(/^[1-9]\d* \/ \d+$/);
    await expect
      .poll(() => a.page.evaluate(() => [...(CSS.highlights.get("search-current") ?? [])].filter((r) => r.startContainer.isConnected).length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await a.page.screenshot({ path: `${SHOTS}/long-document-find-ja.png` });

    // A phone: one pane, still virtualised.
    await a.page.setViewportSize({ width: 390, height: 800 });
    await a.page.goto(`${WS}/compare?d=${long.id}`);
    await ready(a.page, 1);
    await a.page.screenshot({ path: `${SHOTS}/long-document-phone-ja.png` });
    await a.context.close();
  }, 240_000);
});
