import { describe, expect, it } from "vitest";
import { annotationsDocName, buildAnchor, checkAnchor, discussionDocName, metaDocName, parseDocName, replyBodySchema } from "./index";

describe("document names", () => {
  it("round-trips the three shapes", () => {
    expect(parseDocName(annotationsDocName("w1", "d1"))).toEqual({ kind: "annotations", workspaceId: "w1", documentId: "d1" });
    expect(parseDocName(discussionDocName("w1", "d1"))).toEqual({ kind: "discussion", workspaceId: "w1", documentId: "d1" });
    expect(parseDocName(metaDocName("w1"))).toEqual({ kind: "meta", workspaceId: "w1" });
  });
  it("refuses forged names", () => {
    for (const bad of ["", "ws:w1", "ws:w1:doc:", "ws:w1:doc:d1:other", "ws:w:1:meta", "ws:w1:meta:x", "xws:w1:meta", "ws:w1:doc:d1\u0000", `ws:${"a".repeat(65)}:meta`, "ws:../x:meta"]) {
      expect(parseDocName(bad), bad).toBeNull();
    }
  });
});

describe("anchors", () => {
  const text = "前置き。𠮷野家で日米同盟の拡大抑止について議論した。".repeat(3);
  it("builds and checks an anchor with 32 code units of context", () => {
    const start = text.indexOf("拡大抑止", 40);
    const a = buildAnchor(text, "v1", start, start + 4);
    expect(a.exact).toBe("拡大抑止");
    expect(a.prefix.length).toBeLessThanOrEqual(32);
    expect(checkAnchor(text, a)).toBeNull();
  });
  it("never cuts a surrogate pair in the context", () => {
    const t = "𠮷" + "あ".repeat(31) + "X";
    const a = buildAnchor(t, "v1", 33, 34); // 32 units before would split 𠮷
    expect(a.prefix).toBe("あ".repeat(31));
    expect(checkAnchor(t, a)).toBeNull();
  });
  it("reports each problem", () => {
    const a = buildAnchor(text, "v1", 8, 12);
    expect(checkAnchor(text, { ...a, end: text.length + 1 })).toBe("range_outside_text");
    expect(checkAnchor(text, { ...a, start: -1 })).toBe("range_outside_text");
    expect(checkAnchor(text, { ...a, end: 8 })).toBe("range_empty");
    expect(checkAnchor(text, { ...a, exact: "違う文字" })).toBe("quote_mismatch");
    expect(checkAnchor(text, { ...a, prefix: "x" })).toBe("context_mismatch");
    const pair = text.indexOf("𠮷");
    expect(checkAnchor(text, { ...buildAnchor(text, "v1", pair, pair + 2), start: pair + 1, exact: text.slice(pair + 1, pair + 2) })).toBe("range_splits_character");
  });
});

describe("reply bodies", () => {
  it("normalises and caps", () => {
    expect(replyBodySchema.parse("  か\u3099  ")).toBe("が");
    expect(replyBodySchema.safeParse("   ").success).toBe(false);
    expect(replyBodySchema.safeParse("x".repeat(4001)).success).toBe(false);
  });
});
