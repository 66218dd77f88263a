/**
 * Annotations across a new version of a document, on a real build with the real collab
 * server: a new user imports a text, annotates two passages in the compare view, then imports
 * a new version in which one passage was edited (a character changed) and the other deleted.
 * On the new version the edited passage is painted where it now is and says its text changed
 * (list row and card, with what changed); the deleted one is listed as an orphan, unpainted.
 * Screenshots (Japanese and English) go to screenshots/tmp/.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { annotate, openCompare } from "./support/compare";
import { newPerson, register, signIn, uniqueEmail, sharedBrowser } from "./support/browser";

const SHOTS = "screenshots/tmp";
const PASSWORD = "correct horse battery staple";
const browser = sharedBrowser();

const EDITED = "周辺事態への対応が新たな課題として浮かび上がった";
const EDITED_NOW = "周辺事態への対処が新たな課題として浮かび上がった";
const DELETED = "拡大抑止の信頼性を高めることが今後の課題である";
const V1 = [
  "日米防衛協力のための指針は、1978年に初めて策定された。冷戦が終わると、" + EDITED + "。",
  "2015年の指針は、切れ目のない形で日本の平和と安全を確保するため、同盟調整メカニズムを設けた。",
  "指針の見直しに際しては、" + DELETED + "と指摘されている。",
  "以上を踏まえ、本稿は指針の変遷を整理する。",
].join("\n\n");
const V2 = V1.replace(EDITED, EDITED_NOW).replace(/\n\n指針の見直しに際しては、[^\n]*/, "");

/** Paragraph index and offset of `needle` in pane `pane`. */
async function locate(page: Page, pane: number, needle: string): Promise<{ nth: number; at: number }> {
  return page.evaluate(
    ({ pane, needle }) => {
      const paras = [...document.querySelectorAll("[data-testid=compare-pane]")[pane]!.querySelectorAll<HTMLElement>("[data-kind=paragraph]")];
      const nth = paras.findIndex((p) => p.textContent!.includes(needle));
      return { nth, at: nth < 0 ? -1 : paras[nth]!.textContent!.indexOf(needle) };
    },
    { pane, needle },
  );
}

/** The text under each range of the pane's colour layers (what is painted). */
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

/** The list row of the annotation whose quote starts with `quote`. */
const rowOf = (page: Page, quote: string) => page.getByTestId("annotation-row").filter({ hasText: quote.slice(0, 12) });

describe("annotations on a new version of a document", () => {
  it("re-finds an edited passage (painted, marked as changed) and lists a deleted one as an orphan", async () => {
    const { page, context } = await newPerson(browser(), "ja-JP");
    const email = uniqueEmail("reanchor");
    await register(page, "版 太郎", email, PASSWORD);
    await page.getByLabel("ワークスペース名").fill(`版の比較 ${Date.now()}`);
    await page.getByRole("button", { name: "ワークスペースを作成" }).click();
    await page.waitForURL(/\/w\/[a-z0-9-]+$/);
    const wsPath = new URL(page.url()).pathname;

    // Version 1, pasted as text.
    await page.getByText("テキストを貼り付け", { exact: true }).click();
    await page.getByLabel("タイトル（任意）").fill("指針の変遷");
    await page.getByLabel("テキスト", { exact: true }).fill(V1);
    await page.getByRole("button", { name: "貼り付けたテキストを取り込む" }).click();
    await page.getByTestId("import-items").getByText("指針の変遷").waitFor();

    // Two passages annotated on version 1.
    await openCompare(page, wsPath, [0]);
    const documentId = (await page.getByTestId("compare-pane").first().getAttribute("data-document"))!;
    const edited = await locate(page, 0, EDITED);
    const deleted = await locate(page, 0, DELETED);
    expect(edited.nth).toBeGreaterThanOrEqual(0);
    expect(deleted.nth).toBeGreaterThanOrEqual(0);
    expect((await annotate(page, 0, edited.nth, edited.at, edited.at + EDITED.length)).text).toBe(EDITED);
    expect((await annotate(page, 0, deleted.nth, deleted.at, deleted.at + DELETED.length)).text).toBe(DELETED);
    await expect.poll(() => paintedTexts(page, documentId), { timeout: 5_000 }).toEqual([DELETED, EDITED].sort());

    // Version 2 through the document page: one character of the first passage changed, the
    // paragraph of the second deleted.
    await page.goto(wsPath);
    await page.getByTestId("document-list").locator("tbody a").first().click();
    await page.getByTestId("document-details").locator("summary").click();
    await page.getByTestId("version-input").setInputFiles({ name: "指針の変遷-v2.txt", mimeType: "text/plain", buffer: Buffer.from(V2, "utf8") });
    await page.getByText("第 2 版を取り込みました").waitFor({ timeout: 20_000 });

    // The compare view now shows version 2.
    await openCompare(page, wsPath, [0]);
    await expect.poll(() => paintedTexts(page, documentId), { timeout: 5_000 }).toEqual([EDITED_NOW]);
    const fuzzyRow = rowOf(page, EDITED);
    await expect(fuzzyRow.getByTestId("row-fuzzy").textContent()).resolves.toBe("第1版から（本文が変更されています）");
    await expect(rowOf(page, DELETED).innerText()).resolves.toContain("この版には見つかりません");
    await expect(rowOf(page, DELETED).getByTestId("row-fuzzy").count()).resolves.toBe(0);
    await page.getByTestId("annotation-list").screenshot({ path: `${SHOTS}/reanchor-list-ja.png` });

    // The card says so, and shows what changed: the stored quote against the text now there.
    await fuzzyRow.click();
    const card = page.getByTestId("annotation-card");
    await expect(card.getByTestId("card-fuzzy").innerText()).resolves.toContain("第1版に付けられた注釈です。この版では本文が変更されているため");
    await expect(card.getByTestId("card-fuzzy-then").locator("del").textContent()).resolves.toBe("応");
    await expect(card.getByTestId("card-fuzzy-now").locator("ins").textContent()).resolves.toBe("処");
    // Exports and the card's quote keep the quote as it was annotated.
    await expect(card.getByRole("blockquote").textContent()).resolves.toBe(EDITED);
    await page.screenshot({ path: `${SHOTS}/reanchor-card-ja.png` });
    await page.getByTestId("back-to-list").click();
    await rowOf(page, DELETED).click();
    await expect(card.getByTestId("card-orphan").innerText()).resolves.toContain("第1版に付けられたもの");
    await context.close();

    // The same in English.
    const en = await newPerson(browser(), "en-US");
    await signIn(en.page, email, PASSWORD);
    await openCompare(en.page, wsPath, [0]);
    await expect(rowOf(en.page, EDITED).getByTestId("row-fuzzy").textContent()).resolves.toBe("From v1 (text changed)");
    await en.page.getByTestId("annotation-list").screenshot({ path: `${SHOTS}/reanchor-list-en.png` });
    await rowOf(en.page, EDITED).click();
    await expect(en.page.getByTestId("card-fuzzy").innerText()).resolves.toContain("Made on version 1; the passage was changed in this version");
    await en.page.screenshot({ path: `${SHOTS}/reanchor-card-en.png` });
    await en.context.close();
  });
});
