import { describe, expect, it } from "vitest";
import { placeNewNodes } from "./place-new-nodes";
import { nodeSize } from "./sizes";

const node = (id: string, text = "拡大抑止の信頼性") => ({ id, text });
type P = { x: number; y: number };

function overlaps(a: P & { id: string }, b: P & { id: string }, text = "拡大抑止の信頼性"): boolean {
  const s = nodeSize(text);
  return a.x < b.x + s.width && b.x < a.x + s.width && a.y < b.y + s.height && b.y < a.y + s.height;
}

describe("placeNewNodes", () => {
  it("leaves a map with nothing placed to the automatic layout", () => {
    expect(placeNewNodes([node("a"), node("b")], [{ source: "a", target: "b" }], {})).toEqual({});
  });

  it("puts a new node below the node it is linked to, in free space", () => {
    const out = placeNewNodes([node("a"), node("b")], [{ source: "b", target: "a" }], { a: { x: 100, y: 100 } });
    expect(out.b!.y).toBeGreaterThan(100 + nodeSize("拡大抑止の信頼性").height);
    expect(Math.abs(out.b!.x - 100)).toBeLessThanOrEqual(200);
  });

  it("never overlaps a placed node or another new one", () => {
    // A dense block of placed nodes exactly where the new ones would go.
    const fixed: Record<string, P> = { hub: { x: 0, y: 0 } };
    for (let i = 0; i < 12; i++) fixed[`p${i}`] = { x: (i % 4) * 260 - 390, y: 150 + Math.floor(i / 4) * 90 };
    const fresh = Array.from({ length: 10 }, (_, i) => node(`n${i}`));
    const out = placeNewNodes([node("hub"), ...Object.keys(fixed).filter((k) => k !== "hub").map((k) => node(k)), ...fresh], fresh.map((n) => ({ source: n.id, target: "hub" })), fixed);
    expect(Object.keys(out).sort()).toEqual(fresh.map((n) => n.id).sort());
    const all = [...Object.entries(fixed), ...Object.entries(out)].map(([id, p]) => ({ id, ...p }));
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!), `${all[i]!.id} × ${all[j]!.id}`).toBe(false);
  });

  it("grows chains outwards and starts unlinked nodes below everything", () => {
    const out = placeNewNodes([node("a"), node("b"), node("c"), node("lonely")], [{ source: "b", target: "a" }, { source: "c", target: "b" }], { a: { x: 0, y: 0 } });
    expect(out.b!.y).toBeGreaterThan(0);
    expect(out.c!.y).toBeGreaterThan(out.b!.y);
    expect(out.lonely!.y).toBeGreaterThan(nodeSize("拡大抑止の信頼性").height);
  });

  it("is deterministic", () => {
    const args = [[node("a"), node("b"), node("c")], [{ source: "b", target: "a" }, { source: "c", target: "a" }], { a: { x: 5, y: 5 } }] as const;
    expect(placeNewNodes(...args)).toEqual(placeNewNodes(...args));
  });
});
