import { describe, expect, it } from "vitest";
import { chunks, diffRows, fingerprint } from "./diff-rows";

type Row = { id: string; text: string; at: Date; parent: string | null };
const print = (r: Row) => fingerprint([r.text, r.at, r.parent]);
const row = (id: string, text = id): Row => ({ id, text, at: new Date("2026-01-01T00:00:00Z"), parent: null });

describe("diffRows", () => {
  it("creates new rows, recreates changed ones, removes vanished ones and leaves the rest", () => {
    const stored = new Map([row("a"), row("b"), row("c")].map((r) => [r.id, print(r)]));
    const d = diffRows(stored, [row("a"), row("b", "edited"), row("d")], (r) => r.id, print);
    expect(d.create.map((r) => r.id).sort()).toEqual(["b", "d"]);
    expect(d.remove.sort()).toEqual(["b", "c"]);
    expect(d.unchanged).toBe(1);
  });

  it("compares dates by instant and treats undefined like null", () => {
    expect(fingerprint([new Date("2026-01-01T09:00:00+09:00")])).toBe(fingerprint([new Date("2026-01-01T00:00:00Z")]));
    expect(fingerprint([undefined])).toBe(fingerprint([null]));
    expect(fingerprint(["1"])).not.toBe(fingerprint([1]));
  });

  it("slices long id lists", () => {
    expect([...chunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...chunks([], 2)]).toEqual([]);
  });
});
