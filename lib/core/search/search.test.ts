import { describe, expect, it } from "vitest";
import {
  buildSnippet, chunkDocument, chunkMatches, chunkPlain, CHUNK_LIMITS, foldKey, foldWithMap, gramsOf, hitsInText, occurrences,
  parseQuery, queryLexemes, sourceRange, termGrams, tsqueryOf, workspaceTag, GRAM_LIMITS, SEARCH_LIMITS,
} from "./index";
import type { Block } from "../text/types";

/** Where `query` is found in `text`, as text slices (the whole pipeline: fold both, map back). */
function find(text: string, query: string): string[] {
  const terms = parseQuery(query).include.map((t) => t.key);
  return hitsInText(text, text.length, terms).map((r) => text.slice(r.start, r.end));
}

describe("folding", () => {
  it("ignores width, case and whitespace", () => {
    expect(foldKey("ＥＤＤ")).toBe("edd");
    expect(foldKey("２＋２")).toBe("2+2");
    expect(foldKey("Extended\n Deterrence")).toBe("extendeddeterrence");
    expect(foldKey("拡大\u3000抑止")).toBe("拡大抑止");
  });

  it("maps key offsets back to the source (UTF-16)", () => {
    const text = "a 𠮷Ｂ\nc";
    const f = foldWithMap(text);
    expect(f.key).toBe("a𠮷bc");
    expect(sourceRange(f, 1, 3)).toEqual({ start: 2, end: 4 });
    expect(text.slice(sourceRange(f, 3, 4).start, sourceRange(f, 3, 4).end)).toBe("Ｂ");
    expect(sourceRange(f, 4, 5)).toEqual({ start: 6, end: 7 });
  });

  it("composes halfwidth voiced marks and combining marks with their base", () => {
    expect(find("ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン")).toEqual(["ｶﾞｲﾄﾞﾗｲﾝ"]);
    expect(find("か\u3099き", "が")).toEqual(["か\u3099"]);
    expect(find("Cafe\u0301!", "café")).toEqual(["Cafe\u0301"]);
  });

  it("expands compatibility characters and maps a partial hit to the whole character", () => {
    expect(foldKey("㍿")).toBe("株式会社");
    expect(find("X㍿Y", "株式")).toEqual(["㍿"]);
  });

  it("drops lone surrogates on both sides", () => {
    expect(foldKey("a\uD800b\uDC00c")).toBe("abc");
    expect(find("abc", "a\uD800b")).toEqual(["ab"]);
  });
});

describe("matching", () => {
  it("finds 2+2 in 「2＋ 2」 and a phrase across a former line break", () => {
    expect(find("答えは2＋ 2です", "2+2")).toEqual(["2＋ 2"]);
    expect(find("日米の拡大抑\n止協議が", "拡大抑止協議")).toEqual(["拡大抑\n止協議"]);
    expect(find("ＥＤＤの会合", "EDD")).toEqual(["ＥＤＤ"]);
  });

  it("finds 1-character Japanese terms, each occurrence", () => {
    expect(find("核抑止と核軍縮", "核")).toEqual(["核", "核"]);
  });

  it("counts non-overlapping occurrences that start in the owned part", () => {
    expect(occurrences("ああああ", "ああ")).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
    expect(occurrences("abcab", "ab", 3)).toEqual([{ start: 0, end: 2 }]);
    expect(hitsInText("xx ab|ab", 4, ["ab"])).toEqual([{ start: 3, end: 5 }]);
  });

  it("ANDs terms and excludes -terms per chunk", () => {
    expect(chunkMatches("核抑止と同盟", ["核", "同盟"], [])).toBe(true);
    expect(chunkMatches("核抑止と同盟", ["核", "中国"], [])).toBe(false);
    expect(chunkMatches("核抑止と同盟", ["核"], ["同盟"])).toBe(false);
    expect(chunkMatches("核抑止", [], [])).toBe(false);
    expect(chunkMatches("核抑止同盟", ["核", "同盟"], [], 3)).toBe(false);
    expect(chunkMatches("核抑止同盟", ["核"], ["同盟"], 3)).toBe(true);
  });
});

describe("query language", () => {
  it("parses terms, phrases and exclusions", () => {
    const q = parseQuery('核  "extended deterrence" -中国 ＂Ａ Ｂ＂');
    expect(q.include.map((t) => t.key)).toEqual(["核", "extendeddeterrence", "ab"]);
    expect(q.include[1]!.phrase).toBe(true);
    expect(q.exclude.map((t) => t.key)).toEqual(["中国"]);
  });

  it("takes metacharacters literally and ignores what folds to nothing", () => {
    expect(parseQuery("% _ \\ ' -").include.map((t) => t.key)).toEqual(["%", "_", "\\", "'", "-"]);
    expect(parseQuery("   \u3000 ").include).toEqual([]);
    expect(parseQuery("\uD800").include).toEqual([]);
    expect(parseQuery('""').include).toEqual([]);
  });

  it("bounds long queries: characters, terms and grams", () => {
    const q = parseQuery(Array.from({ length: 400 }, (_, i) => `語${i}`).join(" "));
    expect(q.include).toHaveLength(SEARCH_LIMITS.termsMax);
    expect(q.dropped).toBeGreaterThan(0);
    const long = parseQuery("拡".repeat(5000));
    expect(long.include[0]!.key).toHaveLength(SEARCH_LIMITS.queryMax);
    expect(termGrams("あいうえおかきくけこさしすせそ").length).toBeLessThanOrEqual(GRAM_LIMITS.perTerm);
    expect(queryLexemes("t", q.include.map((t) => t.key)).length).toBeLessThanOrEqual(GRAM_LIMITS.perQuery);
  });
});

describe("grams", () => {
  it("has bigrams by code point and the last character", () => {
    expect(gramsOf("核𠮷a").sort()).toEqual(["a", "核𠮷", "𠮷a"].sort());
    expect(termGrams("核")).toEqual(["核"]);
    expect(queryLexemes("t", ["核", "抑止"])).toEqual([{ lexeme: "t核", prefix: true }, { lexeme: "t抑止", prefix: false }]);
  });

  it("quotes tsquery lexemes", () => {
    expect(tsqueryOf([{ lexeme: "a'b", prefix: false }, { lexeme: "c\\d", prefix: true }, { lexeme: "e&|", prefix: false }])).toBe("'a''b' & 'c\\\\d':* & 'e&|'");
  });

  it("tags lexemes per workspace", () => {
    expect(workspaceTag("ws1")).not.toBe(workspaceTag("ws2"));
    expect(workspaceTag("ws1")).toHaveLength(4);
  });
});

describe("chunks", () => {
  const text = "第1章 序論\n\n" + "あ".repeat(1500) + "。\n\n結び";
  const blocks: Block[] = [
    { kind: "heading", start: 0, end: 6, level: 1, page: 1 },
    { kind: "paragraph", start: 8, end: 1509, page: 2 },
    { kind: "paragraph", start: 1511, end: 1513, page: 3 },
  ];

  it("partitions the text, bounds chunk size and overlaps into the next chunk", () => {
    const chunks = chunkDocument(text, blocks);
    let at = 0;
    for (const c of chunks) {
      expect(c.start).toBe(at);
      expect(c.ownEnd).toBeLessThanOrEqual(CHUNK_LIMITS.maxOwn);
      expect(text.startsWith(c.text, c.start)).toBe(true);
      at = c.start + c.ownEnd;
    }
    expect(at).toBe(text.length);
    expect(chunks[0]!.text.length).toBeGreaterThan(chunks[0]!.ownEnd);
    expect(chunks[1]!.headingPath).toEqual(["第1章 序論"]);
    expect(chunks.at(-1)!.page).toBe(3);
  });

  it("finds a phrase across a chunk border exactly once", () => {
    const t = "x".repeat(590) + "拡大抑止協議" + "y".repeat(600);
    const chunks = chunkPlain(t);
    const hits = chunks.flatMap((c) => hitsInText(c.text, c.ownEnd, ["拡大抑止協議"]).map((r) => r.start + c.start));
    expect(hits).toEqual([590]);
  });

  it("never cuts a surrogate pair", () => {
    const chunks = chunkPlain("𠮷".repeat(700));
    for (const c of chunks) expect(c.start % 2).toBe(0);
  });
});

describe("snippets", () => {
  it("windows the source and highlights every hit inside", () => {
    const src = "前".repeat(100) + "核\n核" + "後".repeat(100);
    const s = buildSnippet(src, { start: 100, end: 101 }, [{ start: 100, end: 101 }, { start: 102, end: 103 }]);
    expect(s.text).not.toContain("\n");
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(["核", "核"]);
    expect(s.cutStart && s.cutEnd).toBe(true);
  });
});
