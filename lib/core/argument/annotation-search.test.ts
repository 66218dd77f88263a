import { describe, expect, it } from "vitest";
import { cutText, matchesQuery, searchTerms } from "./annotation-search";

describe("annotation search terms", () => {
  it("splits on any whitespace, folds width but leaves case to the database, drops duplicates", () => {
    expect(searchTerms("  ＮＡＴＯ　拡大  nato ")).toEqual(["NATO", "拡大"]);
    expect(searchTerms("ｶﾀｶﾅ")).toEqual(["カタカナ"]);
    expect(searchTerms(" \u3000 ")).toEqual([]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });

  it("matches in memory as the server does: every term, in any field, folded", () => {
    expect(matchesQuery("ｎａｔｏ 冷戦", ["NATOの東方拡大", "冷戦後"])).toBe(true);
    expect(matchesQuery("nato 冷戦", ["NATOの東方拡大"])).toBe(false);
    expect(matchesQuery("", ["anything"])).toBe(true);
    expect(matchesQuery("100%", ["確信度は100％"])).toBe(true);
  });

  it("cuts by code points, never inside a surrogate pair", () => {
    expect(cutText("𠮷𠮷𠮷", 2)).toBe("𠮷𠮷…");
    expect(cutText("短い", 2)).toBe("短い");
  });
});
