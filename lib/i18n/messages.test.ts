import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages } from "./load-messages";

function keys(tree: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("messages", () => {
  it("has the same keys in every locale, and no empty message", async () => {
    const [first, ...rest] = await Promise.all(LOCALES.map(loadMessages));
    const expected = keys(first!).sort();
    for (const other of rest) expect(keys(other).sort()).toEqual(expected);
    for (const tree of [first!, ...rest]) for (const k of keys(tree)) expect(k.length).toBeGreaterThan(0);
  });
});
