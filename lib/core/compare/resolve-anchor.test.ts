/**
 * Placing annotations of an older version in a new one whose text was edited: verbatim where
 * the quote survived, approximately where it was edited a little, never where it is gone or
 * where a short quote would match by chance.
 */
import { describe, expect, it } from "vitest";
import { buildAnchor } from "../collab/anchor";
import { createPlacer, FUZZY_MIN_SCORE, placeAnchor, quoteChange } from "./resolve-anchor";

const V1 = [
  "第1章　日米防衛協力の歩み。",
  "1978年に策定された最初の指針は、日本有事における共同対処の枠組みを定めたものである。",
  "冷戦が終わると、周辺事態への対応が新たな課題として浮かび上がった。",
  "1997年の指針は、平素からの協力、日本に対する武力攻撃に際しての対処行動、周辺事態における協力を柱とした。",
  "2015年の指針では、切れ目のない形で日本の平和と安全を確保するための同盟調整メカニズムが設けられた。",
  "今後の課題は、拡大抑止の信頼性を高めつつ、共同計画を実効的なものにすることである。",
].join("\n");

const at = (text: string, quote: string) => {
  const i = text.indexOf(quote);
  if (i < 0 || text.indexOf(quote, i + 1) >= 0) throw new Error(`fixture: ${quote} is not unique`);
  return i;
};
const anchorOf = (text: string, quote: string, versionId = "v1") => buildAnchor(text, versionId, at(text, quote), at(text, quote) + quote.length);

describe("placing an annotation of an older version in an edited one", () => {
  // 20 characters: the brief's unit for "1–2 edits must be found".
  const passage = "周辺事態への対応が新たな課題として浮かび";

  it("finds a passage of 20 characters with one character changed, and says it changed", () => {
    const a = anchorOf(V1, passage);
    const v2 = V1.replace(passage, "周辺事態への対処が新たな課題として浮かび");
    const p = placeAnchor(v2, "v2", a);
    expect(p).toMatchObject({ status: "fuzzy", start: at(v2, "周辺事態への対処"), end: at(v2, "周辺事態への対処") + 20 });
    if (p.status === "fuzzy") expect(p.score).toBeGreaterThanOrEqual(FUZZY_MIN_SCORE);
  });

  it("finds it with two edits (a character dropped, one added), also when the text before it moved", () => {
    const a = anchorOf(V1, passage);
    const edited = "周辺事態の対応が新たな課題として、浮かび";
    const v2 = `序文：本稿は改訂版である。\n${V1.replace(passage, edited)}`;
    expect(placeAnchor(v2, "v2", a)).toMatchObject({ status: "fuzzy", start: at(v2, edited), end: at(v2, edited) + edited.length });
  });

  it("finds a passage whose edit also touched its context", () => {
    const quote = "同盟調整メカニズムが設けられた";
    const a = anchorOf(V1, quote);
    const v2 = V1.replace("切れ目のない形で日本の", "切れ目のない形でわが国の").replace(quote, "同盟調整メカニズムが設置された");
    expect(placeAnchor(v2, "v2", a)).toMatchObject({ status: "fuzzy", start: at(v2, "同盟調整メカニズムが設置された") });
  });

  it("finds a passage moved to another place and edited, when even the text next to it changed", () => {
    const sentence = "2015年の指針では、切れ目のない形で日本の平和と安全を確保するため、平時から緊急事態までのあらゆる段階において、政府全体にわたる同盟内の調整を強化する仕組みが設けられた。";
    const text = V1.replace("今後の課題", `${sentence}\n今後の課題`);
    const quote = "平時から緊急事態までのあらゆる段階において";
    const a = anchorOf(text, quote);
    // The sentence moves to the top; one character changes in the quote and one in each of the
    // units next to it, so that neither the quote nor those units are left verbatim.
    const edited = sentence.replace("確保する", "確立する").replace("段階において", "段階におけて").replace("同盟内の", "同盟間の");
    const v2 = `${edited}\n${text.replace(sentence, "")}`;
    expect(v2.includes(a.prefix.slice(-12)) || v2.includes(a.suffix.slice(0, 12))).toBe(false);
    const now = "平時から緊急事態までのあらゆる段階におけて";
    expect(placeAnchor(v2, "v2", a)).toMatchObject({ status: "fuzzy", start: at(v2, now), end: at(v2, now) + now.length });
  });

  it("finds a passage whose only change is whitespace (a PDF re-extracted with other line breaks)", () => {
    const quote = "平素からの協力、日本に対する武力攻撃に際しての対処行動";
    const a = anchorOf(V1, quote);
    // More line breaks than the approximate search allows errors: the whitespace-blind search finds it.
    const wrapped = "平素から\nの協力、\n日本に\n対する武\n力攻撃に\n際しての\n対処\n行動";
    const v2 = V1.replace(quote, wrapped);
    expect(placeAnchor(v2, "v2", a)).toMatchObject({ status: "fuzzy", start: at(v2, wrapped), end: at(v2, wrapped) + wrapped.length });
  });

  it("finds a passage whose whitespace changed more than an edit or two would allow", () => {
    // An older extraction spaced out every character; the new one does not.
    const plain = "最初の指針は、日本有事における";
    const spaced = [...plain].join(" ");
    const a = anchorOf(V1.replace(plain, spaced), spaced);
    expect(placeAnchor(V1, "v2", a)).toMatchObject({ status: "fuzzy", start: at(V1, plain), end: at(V1, plain) + plain.length });
  });

  it("keeps a deleted passage an orphan, also when a near copy of it is elsewhere without its context", () => {
    const quote = "拡大抑止の信頼性を高めつつ、";
    const a = anchorOf(V1, quote);
    const deleted = V1.replace(quote, "");
    expect(placeAnchor(deleted, "v2", a)).toEqual({ status: "orphan", reason: "other_version" });
    // One character off, somewhere else entirely: close in letters, but nothing around it agrees.
    const copied = `${deleted}\n付記：拡大抑止の信頼性を高めつつも、別の論点がある。`;
    expect(placeAnchor(copied, "v2", a)).toEqual({ status: "orphan", reason: "other_version" });
  });

  it("keeps a passage rewritten beyond a small edit an orphan", () => {
    const quote = "今後の課題は、拡大抑止の信頼性を高めつつ";
    const a = anchorOf(V1, quote);
    const v2 = V1.replace(quote, "残された論点として、抑止力の実効性を向上させながら");
    expect(placeAnchor(v2, "v2", a)).toEqual({ status: "orphan", reason: "other_version" });
  });

  it("places short quotes only verbatim, whatever their context says", () => {
    for (const [quote, edited] of [
      ["冷戦", "冷静"],
      ["拡大抑止", "拡大抑制"],
      ["共同計画を", "共同計画の"],
    ] as const) {
      const a = anchorOf(V1, quote);
      const v2 = V1.replace(quote, edited);
      expect(placeAnchor(v2, "v2", a), quote).toEqual({ status: "orphan", reason: "other_version" });
    }
  });

  it("still places a short quote that survived verbatim (as before)", () => {
    const a = anchorOf(V1, "拡大抑止");
    const v2 = `はじめに。\n${V1}`;
    expect(placeAnchor(v2, "v2", a)).toEqual({ status: "moved", start: at(v2, "拡大抑止"), end: at(v2, "拡大抑止") + 4 });
  });

  it("leaves an anchor of the pane's own version whose quote does not match an orphan, as today", () => {
    const a = { ...anchorOf(V1, passage), exact: "周辺事態への対処が新たな課題として浮かび" };
    expect(placeAnchor(V1, "v1", a)).toEqual({ status: "orphan", reason: "quote_mismatch" });
  });

  it("does not pick between verbatim copies the context cannot tell apart", () => {
    const text = "甲。共同対処の枠組みを定めた。乙。共同対処の枠組みを定めた。丙。";
    const a = { versionId: "v1", start: 2, end: 14, exact: "共同対処の枠組みを定めた", prefix: "別の前文", suffix: "別の後文" };
    expect(placeAnchor(text, "v2", a)).toEqual({ status: "orphan", reason: "other_version" });
  });

  it("takes in the whole character when an edit turned a character into a surrogate pair", () => {
    // A variant fixed in the new version (吉 → 𠮷): the closest match starts or ends between the pair's halves.
    const v1 = "前置き。吉田さんの話を聞いた。その日の運勢は大吉だった。後書き。";
    const v2 = v1.replaceAll("吉", "𠮷");
    const first = placeAnchor(v2, "v2", anchorOf(v1, "吉田さんの話を聞いた。その日"));
    expect(first).toMatchObject({ status: "fuzzy", start: v2.indexOf("𠮷田"), end: v2.indexOf("その日") + 3 });
    const last = placeAnchor(v2, "v2", anchorOf(v1, "聞いた。その日の運勢は大吉"));
    expect(last).toMatchObject({ status: "fuzzy", start: v2.indexOf("聞いた"), end: v2.indexOf("大𠮷") + 3 });
  });

  it("never paints half a surrogate pair", () => {
    const v1 = "前置き。𠮷野家の牛丼と𩸽の塩焼き、𠮷田さんの𠀋の話を聞いた𠮷日の記録である。後書き。";
    const pairs = [0x20bb7, 0x29e3d, 0x2000b].map((c) => String.fromCodePoint(c));
    const splits = (text: string, i: number) => i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!);
    let fuzzy = 0;
    for (let start = 4; start < 20; start++) {
      for (const len of [12, 16, 20]) {
        if (splits(v1, start) || splits(v1, start + len)) continue;
        const a = buildAnchor(v1, "v1", start, start + len);
        // Edits next to the pairs: a pair swapped for another, a character before or after one changed.
        for (const v2 of [v1.replace("𠮷野家", `${pairs[2]}野家`), v1.replace("𩸽の", "𩸽が"), v1.replace("の𠮷田", "、𠮷田"), v1.replace("牛丼と𩸽", "牛丼と𠀋")]) {
          const p = createPlacer(v2, "v2").place(a);
          if (p.status === "orphan") continue;
          if (p.status === "fuzzy") fuzzy++;
          expect(splits(v2, p.start) || splits(v2, p.end), `${a.exact} → ${v2.slice(p.start, p.end)}`).toBe(false);
        }
      }
    }
    expect(fuzzy).toBeGreaterThan(20);
  });

  it("places many anchors with one placer as it places them one by one", () => {
    const v2 = V1.replace("最初の指針", "最初のガイドライン").replace(passage, "周辺事態への対処が新たな課題として浮かび").replace("日本有事", "わが国有事");
    const anchors = [passage, "日本有事における共同対処の枠組み", "冷戦が終わると", "2015年の指針では、切れ目のない形で"].map((q) => anchorOf(V1, q));
    const placer = createPlacer(v2, "v2");
    const placed = anchors.map((a) => placer.place(a));
    expect(placed.map((p) => p.status)).toEqual(["fuzzy", "fuzzy", "moved", "moved"]);
    expect(placed).toEqual(anchors.map((a) => placeAnchor(v2, "v2", a)));
  });
});

describe("showing what changed in a re-found quote", () => {
  it("isolates the edit and keeps some text around it", () => {
    const c = quoteChange("周辺事態への対応が新たな課題", "周辺事態への対処が新たな課題", 3);
    expect(c.before).toEqual({ lead: "…への対", changed: "応", tail: "が新た…" });
    expect(c.after).toEqual({ lead: "…への対", changed: "処", tail: "が新た…" });
  });

  it("shows insertions and deletions, and never splits a surrogate pair", () => {
    expect(quoteChange("共同計画", "共同の計画")).toEqual({ before: { lead: "共同", changed: "", tail: "計画" }, after: { lead: "共同", changed: "の", tail: "計画" } });
    // 𠮷 (D842 DFB7) and 𠮹 (D842 DFB9) share their first half: the whole character is the change.
    const c = quoteChange("前𠮷後", "前𠮹後");
    expect(c.before.changed).toBe("𠮷");
    expect(c.after.changed).toBe("𠮹");
    const cut = quoteChange("𠮷".repeat(10) + "あ", "𠮷".repeat(10) + "い", 3);
    expect(cut.before.lead).toBe("…𠮷");
  });
});
