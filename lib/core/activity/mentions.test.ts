import { describe, expect, it } from "vitest";
import { excerpt } from "./kinds";
import { findMentions } from "./mentions";

const people = [
  { id: "a", name: "Aiko" },
  { id: "at", name: "Aiko Tanaka" },
  { id: "k", name: "健太" },
  { id: "ann", name: "Ann" },
];

describe("findMentions", () => {
  it("takes the longest member name after @", () => {
    expect(findMentions("@Aiko Tanaka please look", people)).toEqual(["at"]);
    expect(findMentions("@Aiko, and @Aiko Tanaka", people)).toEqual(["a", "at"]);
  });
  it("matches Japanese names and ignores e-mail addresses and word continuations", () => {
    expect(findMentions("@健太 さん、確認を", people)).toEqual(["k"]);
    expect(findMentions("mail ann@Ann.example or @Anna", people)).toEqual([]);
  });
  it("names each member once and nobody when there is no @", () => {
    expect(findMentions("@Ann @Ann", people)).toEqual(["ann"]);
    expect(findMentions("Ann", people)).toEqual([]);
  });
});

describe("excerpt", () => {
  it("cuts by code point and collapses whitespace", () => {
    expect(excerpt("a\n b", 10)).toBe("a b");
    expect(excerpt("𠮷".repeat(5), 3)).toBe("𠮷𠮷…");
  });
});
