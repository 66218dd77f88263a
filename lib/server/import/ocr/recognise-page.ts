import { readFile } from "node:fs/promises";
import { betterReading, readTesseractTsv, type OcrPageText } from "../../../core/ocr/read-tsv";
import { runTool } from "./run-tool";

export const RECOGNISE_LIMITS = {
  timeoutMs: 120_000,
  memoryMb: 1024,
  /** Below this mean confidence a horizontal reading is retried as vertical Japanese. */
  verticalRetryBelow: 75,
};

export interface Recognised extends OcrPageText {
  vertical: boolean;
}

async function tesseract(image: string, lang: string, psm: number): Promise<OcrPageText> {
  const out = image.replace(/\.png$/, `-${lang.replace("+", "_")}`);
  await runTool("tesseract", [image, out, "-l", lang, "--psm", String(psm), "tsv"], { timeoutMs: RECOGNISE_LIMITS.timeoutMs, memoryMb: RECOGNISE_LIMITS.memoryMb });
  return readTesseractTsv(await readFile(`${out}.tsv`, "utf8"));
}

/**
 * Reads one page image with Tesseract: Japanese + English in horizontal lines first (most
 * pages), and, when that reading is poor, again as vertical Japanese (`jpn_vert`, one block of
 * vertical columns); the reading with the better mean confidence wins. Trying both only on
 * doubt costs one extra pass on vertical pages alone (measured: ~3 s a page either way).
 */
export async function recognisePage(image: string): Promise<Recognised> {
  const horizontal = await tesseract(image, "jpn+eng", 3);
  if (horizontal.confidence >= RECOGNISE_LIMITS.verticalRetryBelow) return { ...horizontal, vertical: false };
  const vertical = await tesseract(image, "jpn_vert", 5);
  const best = betterReading(horizontal, vertical);
  return { ...best, vertical: best === vertical };
}
