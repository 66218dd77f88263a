import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS, csvWriter, formatInstant, formatSortable, htmlWriter, linkLine, markdownWriter, safeTimeZone, type Excerpt, type ExportLabels, type ExportMeta } from "./index";

const JA_RELATIONS: ExportLabels["relations"] = { supports: "支持する", opposes: "反論する", elaborates: "詳述する", same_claim: "同じ主張", responds_to: "応答する", cites: "引用する" };
const JA: ExportMeta = {
  workspaceName: "デモ", workspaceSlug: "demo", generatedAt: "2026-11-25T15:30:00.000Z", baseUrl: "",
  labels: { ...DEFAULT_LABELS, generated: "作成", relations: JA_RELATIONS }, locale: "ja", timeZone: "Asia/Tokyo",
};

const EXCERPT: Excerpt = {
  id: "a1", documentId: "d1", versionId: "v1", quote: "拡大抑止", prefix: "", suffix: "", start: 0, end: 4, startCodePoint: 0, endCodePoint: 4,
  note: "", status: "open", colour: "#ffcc00", author: { id: "u1", name: "青井" },
  createdAt: "2026-11-25T15:30:00.000Z", updatedAt: "2026-11-25T16:00:00.000Z", themes: [],
  replies: [{ id: "r1", authorName: "山田", body: "同意", createdAt: "2026-11-25T15:45:00.000Z" }],
  links: [{ id: "l1", kind: "supports", label: "", direction: "out", otherId: "a2", otherKind: "annotation", otherText: "反撃能力" }],
  citation: { title: "論文", organisation: null, date: null, headingPath: [], page: null, paragraph: null, permalink: "/w/demo/compare?d=d1&focus=a1" },
};

function render(writer: ReturnType<typeof markdownWriter>, meta: ExportMeta): string {
  return writer.begin(meta) + writer.group({ kind: "none", id: null, title: "all", subtitle: null }) + writer.excerpt(EXCERPT) + writer.end({ count: 1 });
}

describe("export formatting", () => {
  it("writes a moment in the reader's language and time zone, not as UTC ISO", () => {
    // 15:30 UTC is 00:30 the next day in Tokyo.
    const ja = formatInstant("2026-11-25T15:30:00.000Z", { locale: "ja", timeZone: "Asia/Tokyo" });
    expect(ja).toContain("2026年11月26日");
    expect(ja).toContain("0:30");
    const en = formatInstant("2026-11-25T15:30:00.000Z", { locale: "en", timeZone: "America/New_York" });
    expect(en).toContain("Nov 25, 2026");
    expect(en).toContain("10:30");
    expect(formatSortable("2026-11-25T15:30:00.000Z", { timeZone: "Asia/Tokyo" })).toBe("2026-11-26 00:30");
  });

  it("falls back to UTC for an unknown zone instead of failing", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone(undefined)).toBe("UTC");
    expect(safeTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(formatSortable("2026-11-25T15:30:00.000Z", { timeZone: "Mars/Olympus" })).toBe("2026-11-25 15:30");
  });

  it("names relations in the reader's language", () => {
    expect(linkLine(EXCERPT.links[0]!, { ...DEFAULT_LABELS, relations: JA_RELATIONS })).toBe("→ 支持する: 反撃能力");
    expect(linkLine(EXCERPT.links[0]!, DEFAULT_LABELS)).toBe("→ supports: 反撃能力");
  });

  it("Markdown, HTML and CSV exports in Japanese carry no English relation and no raw ISO date", () => {
    for (const writer of [markdownWriter(), htmlWriter(), csvWriter()]) {
      const out = render(writer, JA);
      expect(out).toContain("支持する");
      expect(out).not.toMatch(/\bsupports\b/);
      expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    }
    expect(render(htmlWriter(), JA)).toContain('<html lang="ja">');
    expect(render(csvWriter(), JA)).toContain('"2026-11-26 00:30","2026-11-26 01:00"');
  });
});
