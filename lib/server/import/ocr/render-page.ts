import path from "node:path";
import { runTool } from "./run-tool";

/** Rendering bounds: Tesseract reads best at ~300 dpi; beyond these sizes a page is shrunk. */
export const RENDER_LIMITS = {
  dpi: 300,
  /** Longest side in pixels (A3 at 300 dpi is 4,961). */
  maxSidePx: 5000,
  /** Pixel count (≈ 25 MB as 8-bit grey). */
  maxPixels: 25_000_000,
  /** Below this a page would be too small to read: it is refused with a warning instead. */
  minDpi: 100,
  timeoutMs: 60_000,
  memoryMb: 1024,
};

export type RenderResult = { ok: true; file: string; dpi: number } | { ok: false; reason: "page_too_large" };

/**
 * The resolution for a page of `width × height` points: 300 dpi, lowered until the image fits
 * the side and pixel caps. The embedded image's own resolution does not matter (a 600 dpi scan
 * is resampled by pdftoppm), so the cost of OCR is bounded by the page size alone.
 */
export function renderDpi(size: { width: number; height: number }): number {
  const inches = { w: size.width / 72, h: size.height / 72 };
  const bySide = RENDER_LIMITS.maxSidePx / Math.max(inches.w, inches.h);
  const byArea = Math.sqrt(RENDER_LIMITS.maxPixels / (inches.w * inches.h));
  return Math.floor(Math.min(RENDER_LIMITS.dpi, bySide, byArea));
}

/** Renders one page to an 8-bit grey PNG in `dir` with pdftoppm, within the caps above. */
export async function renderPage(file: string, page: number, size: { width: number; height: number }, dir: string): Promise<RenderResult> {
  const dpi = renderDpi(size);
  if (dpi < RENDER_LIMITS.minDpi) return { ok: false, reason: "page_too_large" };
  const base = path.join(dir, `page-${page}`);
  await runTool("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-gray", "-png", "-singlefile", file, base], {
    timeoutMs: RENDER_LIMITS.timeoutMs,
    memoryMb: RENDER_LIMITS.memoryMb,
  });
  return { ok: true, file: `${base}.png`, dpi };
}
