/**
 * The argument map on a real build with the real collab server (issue #7): annotations on
 * three papers are written through the collab model (as the compare view's toolbar would), two
 * people in two browsers link them on the map — each sees the other's edges arrive live —, a
 * drag and a delete with undo travel too, and the map exports as AIF and SVG. Screenshots in
 * Japanese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, launchBrowser, newPerson, signIn } from "./support/browser";
import { aifRelation, downloadMapExport, mapEdge, mapNode, openMap, timeUntilShown } from "./support/map";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { openCollabDoc, type CollabDocHandle } from "../lib/collab/client/connect";
import { annotationsDocName, buildAnchor, createAnnotation, type AnnotationEntry } from "../lib/collab/model";
import type { AifDocument } from "../lib/core/argument/export-aif";

const SHOTS = ".test-data/screenshots";
let browser: Browser;
const handles: CollabDocHandle[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const h of handles) h.destroy();
  await browser?.close();
});

/** A sentence of about 30 characters from the middle of `text` (ends on 。), shifted by `salt` so a retry makes new passages. */
function passage(text: string, salt: number): { start: number; end: number } {
  let end = text.indexOf("。", Math.floor(text.length / 3) + salt);
  if (end < 0) end = Math.min(text.length, 60);
  else end += 1;
  return { start: Math.max(0, end - 30), end };
}

async function linkTo(page: Page, targetId: string, relation: string, search: string): Promise<void> {
  const panel = page.getByTestId("map-selected");
  await panel.getByTestId("map-link-to").click();
  await panel.getByTestId("link-picker-search").fill(search);
  await panel.locator(`[data-testid=link-picker-option][data-annotation-id="${targetId}"]`).click();
  await panel.getByTestId("link-picker-relation").selectOption(relation);
  await panel.getByTestId("link-picker-create").click();
  // The form resets on success; an error stays in an alert.
  await panel.locator('[data-testid=link-picker-create]:disabled, [data-testid=link-picker] [role=alert]').first().waitFor({ timeout: 5_000 });
  const alert = panel.locator("[data-testid=link-picker] [role=alert]");
  if (await alert.count()) throw new Error(`link refused: ${await alert.innerText()}`);
}

const downloadText = async (page: Page, format: "aif" | "svg" | "argdown") => (await downloadMapExport(page, format)).toString("utf8");

describe("the shared argument map", () => {
  it("two people link passages of three papers, see each other's edges live, and export AIF and SVG", async () => {
    const a = await newPerson(browser, "ja-JP");
    const b = await newPerson(browser, "en-US");
    await signIn(a.page, DEMO_USERS[0].email, DEMO_USERS[0].password);
    await signIn(b.page, DEMO_USERS[1].email, DEMO_USERS[1].password);

    // Three annotations, one per paper, written through the collab model with A's token.
    const { prisma } = await import("../lib/infra/db/client");
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    const docs = await prisma.document.findMany({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" }, take: 3, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    expect(docs).toHaveLength(3);
    const salt = Date.now() % 97;
    const annotations: AnnotationEntry[] = [];
    for (const d of docs) {
      const v = d.versions[0]!;
      const token = async () => ((await (await a.context.request.get("/api/collab-token")).json()) as { token: string }).token;
      const { url } = (await (await a.context.request.get("/api/collab-token")).json()) as { url: string };
      const h = openCollabDoc({ url, name: annotationsDocName(ws.id, d.id), token, origin: baseUrl() });
      handles.push(h);
      await h.ready;
      const { start, end } = passage(v.text, salt);
      annotations.push(createAnnotation(h.doc, { anchor: buildAnchor(v.text, v.id, start, end), colour: "#ffcc00" }, { id: owner.id, name: owner.name ?? "Aoi" }, new Date()));
      await expect.poll(() => h.settled(), { timeout: 5_000 }).toBe(true);
    }
    const [a1, a2, a3] = annotations as [AnnotationEntry, AnnotationEntry, AnnotationEntry];

    await openMap(a.page);
    await openMap(b.page);

    // A places the first passage on the map and links it to the second: B sees the edge.
    await a.page.locator(`[data-testid=map-place][data-annotation-id="${a1.id}"]`).click();
    await linkTo(a.page, a2.id, "supports", a2.anchor.exact.slice(2, 8));
    await mapEdge(a.page, a1.id, a2.id, "supports").waitFor({ state: "attached" });
    const seenByB = await timeUntilShown(mapEdge(b.page, a1.id, a2.id, "supports"));
    await mapNode(b.page, a2.id).waitFor();

    // B selects the second passage and says it opposes the third; A sees it.
    await mapNode(b.page, a2.id).click();
    await linkTo(b.page, a3.id, "opposes", a3.anchor.exact.slice(2, 8));
    const seenByA = await timeUntilShown(mapEdge(a.page, a2.id, a3.id, "opposes"));
    await mapNode(a.page, a3.id).waitFor();
    expect(Math.max(seenByA, seenByB)).toBeLessThan(5_000);

    // A drags the first node; B sees it move (position written on drag end).
    const nodeB = b.page.locator(`.react-flow__node[data-id="${a1.id}"]`);
    const before = await nodeB.getAttribute("style");
    const box = (await mapNode(a.page, a1.id).boundingBox())!;
    await a.page.mouse.move(box.x + box.width / 2, box.y + 20);
    await a.page.mouse.down();
    for (let i = 1; i <= 8; i++) await a.page.mouse.move(box.x + box.width / 2 + i * 20, box.y + 20 + i * 5);
    await a.page.mouse.up();
    await expect.poll(() => nodeB.getAttribute("style"), { timeout: 5_000 }).not.toBe(before);

    // Delete with undo: A removes the third passage from the map; B loses the edge, then gets it back.
    await mapNode(a.page, a3.id).click();
    await a.page.getByTestId("map-delete").click();
    await mapEdge(b.page, a2.id, a3.id).waitFor({ state: "detached", timeout: 10_000 });
    await a.page.getByTestId("map-notice-undo").click();
    await mapEdge(b.page, a2.id, a3.id, "opposes").waitFor({ state: "attached", timeout: 10_000 });

    // A writes a question on the map and links it to the third passage; B sees both.
    const question = `誰が同盟の指揮統制を担うのか？（${salt}）`;
    await a.page.getByTestId("map-new-node-text").fill(question);
    await a.page.getByTestId("map-add-question").click();
    await b.page.locator('[data-testid=map-node][data-kind="question"]', { hasText: question }).waitFor({ timeout: 5_000 });
    await linkTo(a.page, a3.id, "responds_to", a3.anchor.exact.slice(2, 8));
    await b.page.locator(`.react-flow__edge.rel-responds_to[data-target="${a3.id}"]`).first().waitFor({ state: "attached", timeout: 10_000 });

    // Automatic layout (elkjs in the page's worker), written for everyone.
    const beforeLayout = await nodeB.getAttribute("style");
    await a.page.getByTestId("map-layout").click();
    await expect.poll(() => nodeB.getAttribute("style"), { timeout: 10_000 }).not.toBe(beforeLayout);

    // A's pointer shows on B's map.
    await a.page.mouse.move(500, 500);
    await a.page.mouse.move(520, 510);
    await b.page.getByTestId("map-peer-pointer").first().waitFor({ timeout: 5_000 });

    // Exports.
    const aif = JSON.parse(await downloadText(a.page, "aif")) as AifDocument;
    const texts = new Set(aif.nodes.filter((n) => n.type === "I").map((n) => n.text));
    for (const text of [a1.anchor.exact, a2.anchor.exact, a3.anchor.exact, question]) expect(texts.has(text)).toBe(true);
    expect(aifRelation(aif, a1.id, a2.id)).toBe("RA");
    expect(aifRelation(aif, a2.id, a3.id)).toBe("CA");
    expect(aifRelation(aif, question, a3.id)).toBe("responds_to");
    const svg = await downloadText(a.page, "svg");
    expect(svg.startsWith("<svg")).toBe(true);
    for (const id of [a1.id, a2.id, a3.id]) expect(svg).toContain(`data-node="${id}"`);
    expect(svg).toMatch(/<path data-link="[^"]+" data-relation="supports"/);
    expect(svg).toContain("支持する");
    const argdown = await downloadText(a.page, "argdown");
    expect(argdown).toMatch(/\n {2}\+> \[/);
    expect(argdown).toContain("#question");
    const png = await downloadMapExport(a.page, "png");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

    await a.page.keyboard.press("Escape");
    await a.page.screenshot({ path: `${SHOTS}/map-ja.png` });
    await b.page.screenshot({ path: `${SHOTS}/map-en.png` });
    await a.context.close();
    await b.context.close();
  });
});
