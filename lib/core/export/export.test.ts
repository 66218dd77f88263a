import { describe, expect, it } from "vitest";
import {
  buildExcerpt,
  codePointIndex,
  csvField,
  csvWriter,
  exportOptionsSchema,
  groupExcerpts,
  htmlWriter,
  jsonLdWriter,
  markdownWriter,
  optionsFromSearchParams,
  optionsToSearchParams,
  renderToString,
  versionContext,
  DEFAULT_LABELS,
  type AnnotationRow,
  type Excerpt,
  type ExportMeta,
} from ".";

// Heading, paragraph with 𠮷 (two code units, one code point) before the quote, a second
// heading level, a paragraph on page 2.
const H1 = "第1節 日米同盟の抑止力";
const P1 = "𠮷田レポートは拡大抑止の信頼性を論じた。";
const H2 = "（1）指揮統制";
const P2 = "同盟調整メカニズムの常設化が提言された。";
const TEXT = [H1, P1, H2, P2].join("\n\n");
const at = (s: string) => TEXT.indexOf(s);
const BLOCKS = [
  { kind: "heading", start: at(H1), end: at(H1) + H1.length, level: 1, page: 1 },
  { kind: "paragraph", start: at(P1), end: at(P1) + P1.length, page: 1 },
  { kind: "heading", start: at(H2), end: at(H2) + H2.length, level: 2, page: 2 },
  { kind: "paragraph", start: at(P2), end: at(P2) + P2.length, page: 2 },
];
const DOC = { id: "doc1", title: "日米同盟の刷新", authors: "笹川平和財団", publishedOn: "2025-03" };
const META: ExportMeta = { workspaceName: "デモ", workspaceSlug: "demo", generatedAt: "2026-11-25T00:00:00.000Z", baseUrl: "https://syn.example" };

function row(id: string, quote: string, extra: Partial<AnnotationRow> = {}): AnnotationRow {
  const start = TEXT.indexOf(quote);
  return {
    id, documentId: "doc1", versionId: "v1", start, end: start + quote.length, exact: quote,
    prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(start + quote.length, start + quote.length + 32),
    authorId: "u1", authorName: "青井 葵", colour: "#ffcc00", status: "open", noteText: "",
    createdAt: new Date("2026-11-01T10:00:00Z"), updatedAt: new Date("2026-11-02T10:00:00Z"), ...extra,
  };
}

const version = versionContext(TEXT, BLOCKS);
const where = { baseUrl: META.baseUrl, workspaceSlug: "demo" };
const excerpt = (r: AnnotationRow, themes: Excerpt["themes"] = []) => buildExcerpt(r, DOC, version, where, { themes });

describe("code points", () => {
  it("counts 𠮷 as one code point and two code units", () => {
    const idx = codePointIndex("a𠮷b𠮷c");
    expect(idx.toCodePoint(0)).toBe(0);
    expect(idx.toCodePoint(1)).toBe(1);
    expect(idx.toCodePoint(3)).toBe(2); // after 𠮷
    expect(idx.toCodePoint(7)).toBe(5);
    for (let cp = 0; cp <= 5; cp++) expect(idx.toCodePoint(idx.toUtf16(cp))).toBe(cp);
    expect(idx.toUtf16(4)).toBe(6);
  });
});

describe("excerpts and citations", () => {
  it("cites title, organisation, date, heading path, page and paragraph, with a permalink", () => {
    const e = excerpt(row("a1", "拡大抑止の信頼性"));
    expect(e.citation).toEqual({
      title: "日米同盟の刷新", organisation: "笹川平和財団", date: "2025-03", headingPath: [H1], page: 1, paragraph: 1,
      permalink: "https://syn.example/w/demo/compare?d=doc1&focus=a1",
    });
    const e2 = excerpt(row("a2", "同盟調整メカニズム"));
    expect(e2.citation.headingPath).toEqual([H1, H2]);
    expect(e2.citation.page).toBe(2);
    expect(e2.citation.paragraph).toBe(2);
  });

  it("converts offsets after 𠮷 to code points (one less than code units)", () => {
    const e = excerpt(row("a1", "拡大抑止の信頼性"));
    expect(e.start).toBe(at(P1) + 8);
    expect(e.startCodePoint).toBe(e.start - 1);
    expect(e.endCodePoint - e.startCodePoint).toBe([..."拡大抑止の信頼性"].length);
    const before = excerpt(row("a0", "第1節"));
    expect(before.startCodePoint).toBe(before.start);
    const jsonld = JSON.parse(renderToString(jsonLdWriter(), META, [{ group: { kind: "none", id: null, title: "", subtitle: null }, excerpts: [e] }]));
    const sel = jsonld.first.items[0].target.selector;
    expect(sel[0]).toEqual({ type: "TextPositionSelector", start: e.start - 1, end: e.end - 1 });
    expect([...TEXT].slice(sel[0].start, sel[0].end).join("")).toBe("拡大抑止の信頼性");
  });
});

describe("renderers", () => {
  const theme = { id: "t1", name: "拡大抑止", colour: "#336699" };
  const e1 = { ...excerpt(row("a1", "拡大抑止の信頼性", { noteText: "=HYPERLINK(\"x\")" }), [theme]) };
  const e2 = excerpt(row("a2", "同盟調整メカニズム", { createdAt: new Date("2026-10-01T00:00:00Z"), authorName: "<script>alert(1)</script>", noteText: "<b>x</b>" }));
  const groups = [{ group: { kind: "document" as const, id: "doc1", title: DOC.title, subtitle: null }, excerpts: [e1, e2] }];

  it("Markdown has headings, block quotes and citations", () => {
    const md = renderToString(markdownWriter(), META, groups);
    expect(md).toContain("## 日米同盟の刷新");
    expect(md).toContain("> 拡大抑止の信頼性");
    expect(md).toContain("— 日米同盟の刷新 — 笹川平和財団, 2025-03 — 第1節 日米同盟の抑止力 — p. 1 — ¶ 1");
    expect(md).toContain("(<https://syn.example/w/demo/compare?d=doc1&focus=a1>)");
  });

  it("CSV has a BOM, CRLF rows, RFC 4180 quoting and a formula guard", () => {
    const csv = renderToString(csvWriter(), META, groups);
    expect(csv.startsWith("\ufeff\"id\",")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(4); // header, 2 rows, trailing empty
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)"]) expect(csvField(bad)).toBe(`"'${bad}"`);
    expect(csvField('a "b"\nc')).toBe('"a ""b""\nc"');
  });

  it("HTML escapes everything", () => {
    const html = renderToString(htmlWriter(), META, groups);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<a href="https://syn.example/w/demo/compare?d=doc1&amp;focus=a1">');
  });

  it("JSON-LD is an AnnotationCollection with selectors, creator, dates, motivation and tagging bodies", () => {
    const doc = JSON.parse(renderToString(jsonLdWriter(), META, groups));
    expect(doc["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(2);
    const [a] = doc.first.items;
    expect(a).toMatchObject({
      type: "Annotation", motivation: "commenting", created: "2026-11-01T10:00:00.000Z", modified: "2026-11-02T10:00:00.000Z",
      creator: { type: "Person", name: "青井 葵" },
      target: { source: "https://syn.example/w/demo/d/doc1" },
    });
    expect(a.body).toEqual([
      { type: "TextualBody", value: '=HYPERLINK("x")', format: "text/plain", purpose: "commenting" },
      { type: "TextualBody", value: "拡大抑止", purpose: "tagging", "synoptic:themeId": "t1" },
    ]);
    expect(a.target.selector[1]).toMatchObject({ type: "TextQuoteSelector", exact: "拡大抑止の信頼性" });
    expect(doc.first.items[1].motivation).toBe("commenting");
  });

  it("an empty export is valid in every format", () => {
    expect(JSON.parse(renderToString(jsonLdWriter(), META, [])).total).toBe(0);
    expect(renderToString(markdownWriter(), META, [])).toContain(DEFAULT_LABELS.empty);
    expect(renderToString(csvWriter(), META, []).split("\r\n")).toHaveLength(2);
  });
});

describe("grouping, ordering, options", () => {
  const t1 = { id: "t1", name: "A", colour: "#000000" };
  const a = excerpt(row("a", "同盟調整メカニズム", { createdAt: new Date("2026-01-02T00:00:00Z"), authorName: "B" }), [t1]);
  const b = excerpt(row("b", "拡大抑止の信頼性", { createdAt: new Date("2026-01-03T00:00:00Z"), authorName: "A" }));
  const sources = { documents: [{ id: "doc1", title: "D", subtitle: null }], themes: [{ id: "t1", name: "A", description: null }], nodes: [{ id: "n1", label: "主張", annotationIds: ["b"] }] };
  const ids = (gs: { excerpts: Excerpt[] }[]) => gs.map((g) => g.excerpts.map((e) => e.id));

  it("orders by position, creation or author", () => {
    expect(ids(groupExcerpts([a, b], "none", "position", sources, DEFAULT_LABELS))).toEqual([["b", "a"]]);
    expect(ids(groupExcerpts([a, b], "none", "created", sources, DEFAULT_LABELS))).toEqual([["a", "b"]]);
    expect(ids(groupExcerpts([a, b], "none", "author", sources, DEFAULT_LABELS))).toEqual([["b", "a"]]);
  });

  it("groups by theme and by map node, with the rest last", () => {
    const byTheme = groupExcerpts([a, b], "theme", "position", sources, DEFAULT_LABELS);
    expect(byTheme.map((g) => g.group.title)).toEqual(["A", DEFAULT_LABELS.noTheme]);
    expect(ids(byTheme)).toEqual([["a"], ["b"]]);
    const byNode = groupExcerpts([a, b], "node", "position", sources, DEFAULT_LABELS);
    expect(byNode.map((g) => g.group.title)).toEqual(["主張", DEFAULT_LABELS.notOnMap]);
  });

  it("reads filters from a query string and back", () => {
    const parsed = exportOptionsSchema.parse(optionsFromSearchParams(new URLSearchParams("format=md&themes=t1,t2&status=open&linked=linked&from=2026-01-01&replies=1")));
    expect(parsed).toMatchObject({ format: "md", groupBy: "document", order: "position", filters: { themeIds: ["t1", "t2"], status: "open", linked: "linked", from: "2026-01-01" }, include: { notes: true, replies: true } });
    expect(exportOptionsSchema.parse(optionsFromSearchParams(optionsToSearchParams(parsed)))).toEqual(parsed);
    expect(exportOptionsSchema.safeParse(optionsFromSearchParams(new URLSearchParams("format=exe"))).success).toBe(false);
  });
});
