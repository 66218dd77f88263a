import { describe, expect, it } from "vitest";
import { TextBuilder, composeOffsetMap, deserialiseOffsetMap, rawOffsetAt, serialiseOffsetMap } from "./offset-map";

describe("offset map", () => {
  it("maps copied runs one-to-one and inserted text to its insertion point", () => {
    const src = "ab\ncd";
    const b = new TextBuilder(src);
    b.copy(0, 2);
    b.insert(" ", 2);
    b.copy(3, 5);
    const { text, canon, src: s, copy } = b.finish();
    expect(text).toBe("ab cd");
    const identity = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const map = composeOffsetMap({ canon, src: s, copy }, text.length, identity, src.length);
    expect([0, 1, 2, 3, 4].map((i) => rawOffsetAt(map, i))).toEqual([0, 1, 2, 3, 4]);
    expect(rawOffsetAt(map, 5)).toBe(5);
    expect(map.canon.length).toBe(3);
  });

  it("splits runs where the prepared→raw mapping jumps (a dropped control character)", () => {
    const prepared = "abc";
    const toRaw = Int32Array.from([0, 2, 3, 4]); // raw "a\u0007bc"
    const b = new TextBuilder(prepared);
    b.copy(0, 3);
    const f = b.finish();
    const map = composeOffsetMap(f, 3, toRaw, 4);
    expect([0, 1, 2].map((i) => rawOffsetAt(map, i))).toEqual([0, 2, 3]);
  });

  it("serialises to plain JSON and back", () => {
    const b = new TextBuilder("xyz");
    b.copy(0, 3);
    const map = composeOffsetMap(b.finish(), 3, Int32Array.from([0, 1, 2, 3]), 3);
    const again = deserialiseOffsetMap(JSON.parse(JSON.stringify(serialiseOffsetMap(map))));
    expect(rawOffsetAt(again, 2)).toBe(2);
  });
});
