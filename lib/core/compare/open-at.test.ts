import { describe, expect, it } from "vitest";
import { openAtQuery } from "./open-at";

describe("openAtQuery", () => {
  it("opens a document beside the current ones at an offset", () => {
    expect(openAtQuery("d=a,b&at=10,20", "c", 500)).toBe("d=a,b,c&at=10,20,500");
  });
  it("reuses a pane that shows the document and moves it", () => {
    expect(openAtQuery("d=a,b&at=10,20&focus=x", "a", 7, "核")).toBe(`d=a,b&at=7,20&q=${encodeURIComponent("核")}`);
  });
  it("replaces the last pane of a full view and starts from nothing", () => {
    expect(openAtQuery("d=a,b,c,d", "e", 1)).toBe("d=a,b,c,e&at=0,0,0,1");
    expect(openAtQuery("", "e", 0, "  ")).toBe("d=e");
  });
});
