/**
 * Re-anchoring stored, in the UI, on a real build with the real collab server and worker: a
 * user annotates two passages, imports a new version on the document page and sees the
 * re-anchoring job's progress end in its counts; the compare view paints the moved passage at
 * its new place (from the server's stored placement) and lists the deleted one as an orphan,
 * which the user re-attaches by selecting its new place. Screenshots (ja and en, desktop and
 * phone width) go to .test-data/screenshots/.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { annotate, openCompare, selectText } from "./support/compare";
import { newPerson, register, signIn, uniqueEmail, sharedBrowser } from "./support/browser";

const SHOTS = ".test-data/screenshots";
const PASSWORD = "correct horse battery staple";
const browser = sharedBrowser();

const MOVED = "以上を踏まえ、本稿は指針の変遷を整理する";
const DELETED = "拡大抑止の信頼性を高めることが今後の課題である";
const REWRITTEN = "抑止の信頼性の向上こそが今後の中心的な課題となる";
const V1 = [
  "日米防衛協力のための指針は、1978年に初めて策定された。",
  `指針の見直しに際しては、${DELETED}と指摘されている。`,
  "2015年の指針は、切れ目のない形で日本の平和と安全を確保するため、同盟調整メカニズムを設けた。",
  `${MOVED}。`,
].join("\n\n");
const V2 = [`${MOVED}。`, "日米防衛協力のための指針は、1978年に初めて策定された。", "2015年の指針は、切れ目のない形で日本の平和と安全を確保するため、同盟調整メカニズムを設けた。", `見直しの議論では、${REWRITTEN}とされる。`].join("\n\n");

async function locate(page: Page, needle: string): Promise<{ nth: number; at: number }> {
  return page.evaluate((needle) => {
    const paras = [...document.querySelectorAll("[data-testid=compare-pane]")[0]!.querySelectorAll<HTMLElement>("[data-kind=paragraph]")];
    const nth = paras.findIndex((p) => p.textContent!.includes(needle));
    return { nth, at: nth < 0 ? -1 : paras[nth]!.textContent!.indexOf(needle) };
  }, needle);
}

async function paintedTexts(page: Page, documentId: string): Promise<string[]> {
  return page.evaluate((doc) => {
    const out: string[] = [];
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith(`syn-p-${doc}-c-`)) continue;
      for (const sr of hl as unknown as Iterable<StaticRange>) {
        const r = document.createRange();
        r.setStart(sr.startContainer, sr.startOffset);
        r.setEnd(sr.endContainer, sr.endOffset);
        out.push(r.toString());
      }
    }
    return out.sort();
  }, documentId);
}

const rowOf = (page: Page, quote: string) => page.getByTestId("annotation-row").filter({ hasText: quote.slice(0, 12) });

describe("re-anchoring a new version", () => {
  it("shows the job's progress, paints the moved passage at its new place and re-attaches an orphan", async () => {
    const { page, context } = await newPerson(browser(), "ja-JP");
    const email = uniqueEmail("anchors");
    await register(page, "版 花子", email, PASSWORD);
    await page.getByLabel("ワークスペース名").fill(`付け替え ${Date.now()}`);
    await page.getByRole("button", { name: "ワークスペースを作成" }).click();
    await page.waitForURL(/\/w\/[a-z0-9-]+$/);
    const wsPath = new URL(page.url()).pathname;

    await page.getByText("テキストを貼り付け", { exact: true }).click();
    await page.getByLabel("タイトル（任意）").fill("指針の変遷");
    await page.getByLabel("テキスト", { exact: true }).fill(V1);
    await page.getByRole("button", { name: "貼り付けたテキストを取り込む" }).click();
    await page.getByTestId("import-items").getByText("指針の変遷").waitFor();

    await openCompare(page, wsPath, [0]);
    const documentId = (await page.getByTestId("compare-pane").first().getAttribute("data-document"))!;
    for (const q of [MOVED, DELETED]) {
      const at = await locate(page, q);
      expect((await annotate(page, 0, at.nth, at.at, at.at + q.length)).text).toBe(q);
    }
    await expect.poll(() => paintedTexts(page, documentId), { timeout: 5_000 }).toEqual([DELETED, MOVED].sort());

    // The new version on the document page: the re-anchoring job runs and reports its counts.
    await page.goto(wsPath);
    await page.getByTestId("document-list").locator("tbody a").first().click();
    await page.getByTestId("document-details").locator("summary").click();
    await page.getByTestId("version-input").setInputFiles({ name: "指針の変遷-v2.txt", mimeType: "text/plain", buffer: Buffer.from(V2, "utf8") });
    await page.getByText("第 2 版を取り込みました").waitFor({ timeout: 20_000 });
    const done = page.getByTestId("reanchor-done");
    await done.waitFor({ timeout: 30_000 });
    await expect(done.innerText()).resolves.toContain("同じ位置 0・移動 1・変更あり 0・見つからない 1");
    await page.getByTestId("reanchor-jobs").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/reanchor-job-ja.png` });

    // The compare view paints the moved passage where it now is (first paragraph), from the stored placement.
    await page.getByTestId("reanchor-orphans").click();
    await page.getByTestId("compare-pane").first().waitFor();
    await expect.poll(() => paintedTexts(page, documentId), { timeout: 10_000 }).toEqual([MOVED]);
    expect((await locate(page, MOVED)).nth).toBe(0);
    const reanchored = await page.evaluate(() => performance.getEntriesByName("synoptic:reanchored").length);
    expect(reanchored).toBe(0);

    // The orphan: its card re-attaches it to the passage selected in version 2.
    await rowOf(page, DELETED).click();
    const card = page.getByTestId("annotation-card");
    await card.getByTestId("card-orphan").waitFor();
    const target = await locate(page, REWRITTEN);
    await selectText(page, 0, target.nth, target.at, target.at + REWRITTEN.length);
    await page.screenshot({ path: `${SHOTS}/reanchor-orphan-ja.png` });
    await card.getByTestId("reattach").click();
    await expect.poll(() => paintedTexts(page, documentId), { timeout: 5_000 }).toEqual([MOVED, REWRITTEN].sort());
    await expect(card.getByTestId("card-orphan").count()).resolves.toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/reanchor-phone-ja.png` });
    await context.close();

    const en = await newPerson(browser(), "en-US");
    await signIn(en.page, email, PASSWORD);
    await en.page.goto(wsPath);
    await en.page.getByTestId("document-list").locator("tbody a").first().click();
    await en.page.getByTestId("document-details").locator("summary").click();
    await expect(en.page.getByTestId("reanchor-done").innerText()).resolves.toContain("0 in place, 1 moved, 0 changed, 1 not found");
    await en.page.screenshot({ path: `${SHOTS}/reanchor-job-en.png` });
    await en.page.setViewportSize({ width: 390, height: 844 });
    await en.page.screenshot({ path: `${SHOTS}/reanchor-job-phone-en.png` });
    await en.context.close();
  }, 240_000);
});
