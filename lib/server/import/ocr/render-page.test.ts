import { describe, expect, it } from "vitest";
import { RENDER_LIMITS, renderDpi } from "./render-page";

describe("renderDpi", () => {
  it("renders an A4 page at 300 dpi", () => {
    expect(renderDpi({ width: 595.28, height: 841.89 })).toBe(300);
  });

  it("lowers the resolution of a large page to the side and pixel caps", () => {
    const a0 = { width: 2383.94, height: 3370.39 }; // 33.1 × 46.8 in
    const dpi = renderDpi(a0);
    expect(dpi).toBeLessThan(300);
    expect((a0.height / 72) * dpi).toBeLessThanOrEqual(RENDER_LIMITS.maxSidePx);
    expect((a0.width / 72) * (a0.height / 72) * dpi * dpi).toBeLessThanOrEqual(RENDER_LIMITS.maxPixels);
  });

  it("goes below the readable minimum for a poster-sized page (which is then refused)", () => {
    expect(renderDpi({ width: 14_400, height: 14_400 })).toBeLessThan(RENDER_LIMITS.minDpi);
  });
});
