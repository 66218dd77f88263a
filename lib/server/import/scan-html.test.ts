import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html-to-markdown";
import { IMPORT_LIMITS } from "./limits";
import { scanHtml } from "./scan-html";

const PAGE = `<!doctype html><html><head><title>T &amp; U</title><style>p{}</style></head><body>
<nav><a href="/">ホーム</a></nav><h1>見出し</h1><p>一つ目の<b>段落</b>。<br>改行</p>
<ul><li>項目A</li><li>項目B</li></ul><table><tr><td>左</td><td>右</td></tr></table>
<script>alert("x")</script><div><h2>小見出し</h2><p>二つ目 &lt;b&gt;</p></div></body></html>`;

describe("scanHtml", () => {
  it("yields the same Markdown as the DOM walk, with the title, and skips scripts and navigation", () => {
    const scan = scanHtml(PAGE);
    const { document } = parseHTML(PAGE);
    expect(scan.markdown).toBe(htmlToMarkdown(document.body as never));
    expect(scan.markdown).toBe("# 見出し\n\n一つ目の段落。 改行\n\n- 項目A\n\n- 項目B\n\n左 右\n\n## 小見出し\n\n二つ目 <b>");
    expect(scan.title).toBe("T & U");
  });

  it("measures depth and elements as the DOM will nest them, and refuses past the caps", () => {
    const nested = (n: number) => `<html><body>${"<div>".repeat(n)}x${"</div>".repeat(n)}</body></html>`;
    expect(scanHtml(nested(10))).toMatchObject({ depth: 12, elements: 12 });
    expect(() => scanHtml(nested(IMPORT_LIMITS.maxHtmlDepth))).toThrow(expect.objectContaining({ message: "import_too_complex_nesting" }));
    const wide = `<html><body>${"<i></i>".repeat(20)}</body></html>`;
    expect(() => scanHtml(wide, { ...IMPORT_LIMITS, maxHtmlElements: 10 })).toThrow(expect.objectContaining({ message: "import_too_complex_elements" }));
  });

  it("stops at the first element past the depth cap, however long the file", () => {
    const t0 = performance.now();
    expect(() => scanHtml("<div>".repeat(2_000_000))).toThrow(expect.objectContaining({ message: "import_too_complex_nesting" }));
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe("htmlToMarkdown", () => {
  it("walks a 20,000-level DOM without recursion (a recursive walk overflows the stack)", () => {
    const { document } = parseHTML(`<html><body>${"<div>".repeat(20_000)}深い${"</div>".repeat(20_000)}</body></html>`);
    expect(htmlToMarkdown(document.body as never)).toBe("深い");
  });
});
