/**
 * Stored placements: the four statuses a new version gives annotations of an older one, and the
 * way back to a pane's placement (a row of another anchor is stale and ignored).
 */
import { describe, expect, it } from "vitest";
import { buildAnchor } from "../collab/anchor";
import { anchorKey, placeInVersion, placementFromStored } from "./place-in-version";

const KEEP = "2015年の指針は、切れ目のない形で日本の平和と安全を確保するため、同盟調整メカニズムを設けた。";
const MOVE = "以上を踏まえ、本稿は指針の変遷を整理する。";
const EDIT = "冷戦が終わると、周辺事態への対応が新たな課題として浮かび上がった。";
const GONE = "指針の見直しに際しては、拡大抑止の信頼性を高めることが今後の課題であると指摘されている。";
const STAY = "1997年の指針は、平素からの協力と周辺事態における協力を柱とした。";
const V1 = [KEEP, EDIT, STAY, GONE, MOVE].join("\n");
const V2 = [KEEP, EDIT.replace("対応", "対処"), STAY, MOVE, "新しい段落である。"].join("\n");

const anchor = (s: string) => buildAnchor(V1, "v1", V1.indexOf(s), V1.indexOf(s) + s.length);

describe("placeInVersion", () => {
  const items = [
    { id: "keep", anchor: anchor(KEEP.slice(0, 20)) },
    { id: "move", anchor: anchor(MOVE) },
    { id: "edit", anchor: anchor("周辺事態への対応が新たな課題として浮かび上がった") },
    { id: "gone", anchor: anchor("拡大抑止の信頼性を高めることが今後の課題") },
    { id: "own", anchor: buildAnchor(V2, "v2", 0, 4) },
  ];
  const rows = placeInVersion(V2, "v2", items);
  const byId = new Map(rows.map((r) => [r.annotationId, r]));

  it("says exact, moved, changed or orphan, with the new place and the text there", () => {
    expect(byId.get("keep")).toMatchObject({ status: "exact", start: 0, end: 20, quote: KEEP.slice(0, 20) });
    expect(byId.get("move")).toMatchObject({ status: "moved", start: V2.indexOf(MOVE), quote: MOVE });
    const edit = byId.get("edit")!;
    expect(edit).toMatchObject({ status: "changed", quote: "周辺事態への対処が新たな課題として浮かび上がった" });
    expect(edit.score).toBeGreaterThan(0.8);
    expect(byId.get("gone")).toMatchObject({ status: "orphan", start: null, end: null, quote: null });
  });

  it("skips annotations of the version itself", () => {
    expect(byId.has("own")).toBe(false);
    expect(rows).toHaveLength(4);
  });

  it("turns a stored row back into what a pane paints, unless the anchor changed since", () => {
    const a = items[2]!.anchor;
    const edit = byId.get("edit")!;
    expect(placementFromStored(a, edit)).toMatchObject({ status: "fuzzy", start: edit.start, end: edit.end });
    expect(placementFromStored(items[1]!.anchor, byId.get("move")!)).toEqual({ status: "moved", start: V2.indexOf(MOVE), end: V2.indexOf(MOVE) + MOVE.length });
    expect(placementFromStored(items[3]!.anchor, byId.get("gone")!)).toEqual({ status: "orphan", reason: "other_version" });
    const reattached = { ...a, prefix: a.prefix.slice(1) };
    expect(placementFromStored(reattached, edit)).toBeNull();
    expect(anchorKey(reattached)).not.toBe(anchorKey(a));
  });
});
