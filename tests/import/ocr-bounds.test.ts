import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { ocrPdf } from "../../lib/server/import/ocr/ocr-pdf";
import { makeScannedPdf } from "../support/scanned-pdf";

/** A 200 × 200 inch page (the largest PDF allows) holding only an image: too large to OCR. */
function posterPdf(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [14_400, 14_400] });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.rect(100, 100, 14_000, 14_000).fill("#777");
    doc.end();
  });
}

describe("OCR bounds", () => {
  it("refuses a page too large to render with a warning, within seconds", async () => {
    const t0 = Date.now();
    const r = await ocrPdf(await posterPdf(), { maxPages: 10 });
    expect(r.textless).toEqual([1]);
    expect(r.pages.size).toBe(0);
    expect(r.warnings).toEqual(["ocr: page 1 is too large to read (skipped)"]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("reads a 600 dpi scan at the capped resolution", async () => {
    const r = await ocrPdf(await makeScannedPdf([{ lines: ["Extended deterrence"] }], 600), { maxPages: 10 });
    expect(r.pages.get(1)?.text).toMatch(/Extended\s+deterrence/);
    // Seconds on an idle machine; generous for a loaded CI runner (the page is resampled, not refused).
  }, 240_000);
});
