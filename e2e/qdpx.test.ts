/**
 * REFI-QDA import from the workspace settings, in the real build: the hand-written suite-shaped
 * project (tests/fixtures/qdpx/suite-project) uploaded by the demo owner, the report shown; ja at
 * desktop width, en at a 390 px phone width; then the export builder offers the .qdpx format.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPerson, signIn } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";

const SHOTS = ".test-data/screenshots";
const FIXTURE = "tests/fixtures/qdpx/suite-project";
let browser: Browser;
let file: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const files: Record<string, Uint8Array> = { "project.qde": readFileSync(`${FIXTURE}/project.qde`) };
  for (const f of readdirSync(`${FIXTURE}/Sources`)) files[`Sources/${f}`] = readFileSync(`${FIXTURE}/Sources/${f}`);
  file = join(mkdtempSync(join(tmpdir(), "qdpx-e2e-")), "interviews.qdpx");
  writeFileSync(file, zipSync(files));
}, 120_000);
afterAll(async () => browser?.close());

describe("REFI-QDA import in the workspace settings", () => {
  for (const [locale, width, done] of [["ja-JP", 1280, "取り込みました"], ["en-US", 390, "Imported"]] as const) {
    it(`imports a .qdpx and shows the report (${locale}, ${width}px)`, async () => {
      const { context, page } = await newPerson(browser, locale);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password, `/w/${DEMO_WORKSPACE.slug}/settings`);
      await page.getByTestId("qda-file").setInputFiles(file);
      await page.getByTestId("qda-submit").click();
      const report = page.getByTestId("qda-report");
      await report.waitFor({ timeout: 60_000 });
      expect(await report.innerText()).toContain(done);
      await page.locator("details summary").last().click();
      await page.screenshot({ path: `${SHOTS}/qdpx-import-${locale}-${width}.png`, fullPage: true });
      await page.goto(`/w/${DEMO_WORKSPACE.slug}/export`);
      const options = await page.getByTestId("export-format").locator("option").allInnerTexts();
      expect(options.join("\n")).toContain("REFI-QDA");
      await context.close();
    }, 120_000);
  }
});
