import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newPerson, register, uniqueEmail, sharedBrowser } from "./support/browser";
import { makeDocx, makeHtml, makeMarkdown, makePdf, makeUtf16Text, SAMPLE } from "../tests/support/fixtures";
import { nestedHtml } from "../tests/support/hostile-files";

const browser = sharedBrowser();

describe("importing through the UI", () => {
  it("uploads every supported format with per-file progress and reads each result", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "synoptic-e2e-import-"));
    const files: Record<string, Uint8Array> = {
      "paper.pdf": await makePdf(),
      "paper.docx": await makeDocx(),
      "page.html": makeHtml(),
      "notes.md": makeMarkdown(),
      "windows.txt": makeUtf16Text(),
      "fake.pdf": new TextEncoder().encode("this is not a pdf"),
      // Once a 500 with a stack overflow; now refused by the pre-scan, in the worker pool.
      "deep.html": nestedHtml(20_000),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);

    const { page, context } = await newPerson(browser());
    await register(page, "取込 太郎", uniqueEmail("importer"), "correct horse battery staple");
    await page.getByLabel("ワークスペース名").fill("取り込みテスト");
    await page.getByRole("button", { name: "ワークスペースを作成" }).click();
    await page.getByTestId("dropzone").waitFor();
    const wsUrl = page.url();

    await page.getByTestId("file-input").setInputFiles(Object.keys(files).map((f) => path.join(dir, f)));
    const items = page.getByTestId("import-items").locator("li");
    await expect.poll(async () => (await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).sort(), { timeout: 30_000 }).toEqual([
      "done", "done", "done", "done", "done", "failed", "failed",
    ]);
    await expect(page.getByTestId("import-items").innerText()).resolves.toContain("拡張子は .pdf ですが、PDF ではありません。");
    await expect(page.getByTestId("import-items").innerText()).resolves.toContain("このファイルは複雑すぎて取り込めません：構造の入れ子が深すぎます。");
    await page.screenshot({ path: ".test-data/screenshots/import-ja.png", fullPage: true });

    await page.reload();
    await expect(page.getByTestId("document-list").locator("tbody tr").count()).resolves.toBe(5);

    // Each imported document opens in the reader with its text.
    const links = await page.getByTestId("document-list").locator("tbody a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(5);
    for (const href of links) {
      await page.goto(href);
      await expect(page.locator("main").innerText()).resolves.toContain(SAMPLE.paragraph2.slice(0, 12));
    }

    // The detected title is editable; hostile text stays inert.
    await page.goto(links[0]!);
    await page.getByTestId("document-details").locator("summary").click();
    await page.getByLabel("タイトル", { exact: true }).fill("改題 <i>テスト</i>");
    await page.getByLabel("日付（YYYY、YYYY-MM、YYYY-MM-DD）").fill("2025-13");
    await page.getByRole("button", { name: "情報を保存" }).click();
    await page.getByText("2025、2025-03、2025-03-07 のような形式で入力してください。").waitFor();
    await page.getByLabel("日付（YYYY、YYYY-MM、YYYY-MM-DD）").fill("2025-03");
    await page.getByRole("button", { name: "情報を保存" }).click();
    await page.getByRole("heading", { name: "改題 <i>テスト</i>" }).waitFor();

    // Pasted text becomes a document too.
    await page.goto(wsUrl);
    await page.getByText("テキストを貼り付け", { exact: true }).click();
    await page.getByLabel("タイトル（任意）").fill("貼り付けたメモ");
    await page.getByLabel("テキスト", { exact: true }).fill(`${SAMPLE.paragraph}\n`);
    await page.getByRole("button", { name: "貼り付けたテキストを取り込む" }).click();
    await page.getByTestId("import-items").getByText("貼り付けたメモ").waitFor();
    await context.close();
  });
});
