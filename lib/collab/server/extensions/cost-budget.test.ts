import { describe, expect, it } from "vitest";
import { CostBudget } from "./cost-budget";

describe("CostBudget", () => {
  it("is over budget when a window's total passes the limit, and starts again with the next window", () => {
    const b = new CostBudget({ windowMs: 10_000, maxMs: 100 });
    expect(b.spend(60, 0)).toBe(false);
    expect(b.spend(40, 5_000)).toBe(false);
    expect(b.spend(1, 9_999)).toBe(true);
    expect(b.spend(90, 10_000)).toBe(false);
    expect(b.spend(20, 12_000)).toBe(true);
  });
});
