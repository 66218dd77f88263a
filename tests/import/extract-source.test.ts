import { describe, expect, it } from "vitest";
import { extractSource } from "../../lib/server/import/extract-source";
import { makeDocx, makeHtml, makeMarkdown, makePdf, makeUtf16Text, makeZipBomb, SAMPLE, SHIFT_JIS_SAMPLE } from "../support/fixtures";

const headings = (r: Awaited<ReturnType<typeof extractSource>>) =>
  r.normalised.blocks.filter((b) => b.kind === "heading").map((b) => r.normalised.text.slice(b.start, b.end));

describe("extractSource: every supported format", () => {
  it("PDF: text layer with Japanese CID fonts, pages kept per block", async () => {
    const r = await extractSource("paper.pdf", await makePdf());
    expect(r.format).toBe("pdf");
    expect(r.normalised.text).toContain(SAMPLE.paragraph);
    expect(headings(r)).toEqual([SAMPLE.heading, SAMPLE.heading2]);
    expect(r.normalised.blocks.map((b) => b.page)).toEqual([1, 1, 2, 2]);
  });

  it("DOCX: Word heading styles become headings", async () => {
    const r = await extractSource("paper.docx", await makeDocx());
    expect(headings(r)).toEqual([SAMPLE.heading, SAMPLE.heading2]);
    expect(r.normalised.text).toContain(SAMPLE.paragraph2);
  });

  it("HTML: the main content only, never navigation or scripts", async () => {
    const r = await extractSource("page.html", makeHtml());
    expect(r.normalised.text).toContain(SAMPLE.paragraph2);
    expect(r.normalised.text).not.toMatch(/alert|injected|__evil|ホーム|フッター/);
    expect(headings(r)).toContain(SAMPLE.heading2);
  });

  it("Markdown headings, UTF-16 with BOM and Shift_JIS text", async () => {
    expect(headings(await extractSource("a.md", makeMarkdown()))).toEqual([SAMPLE.heading, SAMPLE.heading2]);
    const utf16 = await extractSource("a.txt", makeUtf16Text());
    expect(utf16.normalised.text).toContain(SAMPLE.paragraph); // hard wrap between wide characters rejoined without a space
    const sjis = await extractSource("a.txt", SHIFT_JIS_SAMPLE);
    expect(sjis.normalised.text).toBe("日米同盟の抑止力は、長年にわたり維持されてきた。");
  });
});

describe("extractSource: bad input gets a clear error", () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ["empty.txt", () => new Uint8Array(), "import_empty"],
    ["blank.txt", () => new TextEncoder().encode("  \n\n \u3000 \n"), "import_empty"],
    ["image.png", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "import_unsupported_type"],
    ["fake.pdf", () => new TextEncoder().encode("not a pdf at all"), "import_not_pdf"],
    ["fake.docx", () => new TextEncoder().encode("plain text"), "import_not_docx"],
    ["renamed.txt", () => makePdf(), "import_binary_as_text"],
    ["nul.txt", () => new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x00, 0x43, 0x00]), "import_binary_as_text"],
    ["broken.pdf", async () => (await makePdf()).slice(0, 400), "import_corrupt_pdf"],
    ["locked.pdf", () => makePdf({ encrypted: true }), "import_pdf_encrypted"],
    ["scan.pdf", () => makePdf({ textless: true }), "import_pdf_no_text"],
    ["broken.docx", async () => (await makeDocx()).slice(0, 200), "import_corrupt_docx"],
    ["bomb.docx", () => makeZipBomb(), "import_zip_bomb"],
  ];
  for (const [name, make, key] of cases) {
    it(`${name} → ${key}`, async () => {
      await expect(extractSource(name, await make())).rejects.toMatchObject({ name: "AppError", message: key });
    });
  }

  it("drops a stray control character in a long text instead of refusing the file", async () => {
    const r = await extractSource("odd.txt", new TextEncoder().encode(`${SAMPLE.paragraph.repeat(3)}\u0007${SAMPLE.paragraph2}\n`));
    expect(r.normalised.text).toContain(SAMPLE.paragraph2);
    expect(r.normalised.text).not.toContain("\u0007");
  });
});
