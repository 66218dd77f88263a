import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newPerson, register, uniqueEmail, sharedBrowser } from "./support/browser";
import { makeScannedPdf } from "../tests/support/scanned-pdf";

const browser = sharedBrowser();

describe("importing a scanned PDF through the UI", () => {
  it("shows the OCR job's page progress, then the document with its text marked as machine-read", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "synoptic-e2e-ocr-"));
    writeFileSync(path.join(dir, "scan.pdf"), await makeScannedPdf());

    const { page, context } = await newPerson(browser());
    await register(page, "読取 花子", uniqueEmail("ocr"), "correct horse battery staple");
    await page.getByLabel("ワークスペース名").fill("スキャン取り込み");
    await page.getByRole("button", { name: "ワークスペースを作成" }).click();
    await page.getByTestId("dropzone").waitFor();

    await page.getByTestId("file-input").setInputFiles(path.join(dir, "scan.pdf"));
    const job = page.getByTestId("import-jobs").locator("li");
    await job.first().waitFor({ timeout: 30_000 });
    // Queued or running, with per-page progress shown while it runs.
    await expect.poll(() => job.first().getAttribute("data-state"), { timeout: 60_000 }).toMatch(/running|done/);
    await page.screenshot({ path: ".test-data/screenshots/import-ocr-ja.png", fullPage: true });
    await expect.poll(() => job.first().getAttribute("data-state"), { timeout: 120_000 }).toBe("done");
    await expect(job.first().innerText()).resolves.toContain("OCR で読み取りました");

    // The document appears in the list, and the reader marks its blocks as OCR with a confidence.
    await expect.poll(() => page.getByTestId("document-list").locator("tbody tr").count(), { timeout: 15_000 }).toBe(1);
    await job.first().getByRole("link").click();
    await page.getByText("OCR（機械読取）", { exact: false }).first().waitFor();
    await expect(page.locator("main").innerText()).resolves.toContain("alliance coordination mechanism");
    await page.screenshot({ path: ".test-data/screenshots/reader-ocr-ja.png", fullPage: true });
    await context.close();
  }, 240_000);
});
