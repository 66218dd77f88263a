/**
 * Hostile inputs for the import pipeline, built at test time (no binary fixtures): deep
 * HTML, Word archives that lie about their sizes or hold thousands of entries, garbage
 * PDFs, huge text. Shared by the integration tests and the import benchmark.
 */
import { Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";

const encode = (s: string) => new TextEncoder().encode(s);

/** `levels` nested <div>s around one paragraph: Readability on it is quadratic in depth. */
export function nestedHtml(levels: number): Uint8Array {
  const body = "<div>".repeat(levels) + `<p>${"深い入れ子の中の本文です。".repeat(20)}</p>` + "</div>".repeat(levels);
  return encode(`<!doctype html><html><head><title>入れ子</title></head><body>${body}</body></html>`);
}

/**
 * A page Readability still runs on, but slowly (seconds): `paragraphs` paragraphs inside
 * `depth` nested wrappers, just under the work budget.
 */
export function heavyHtml(paragraphs: number, depth: number): Uint8Array {
  const p = `<p>${"This sentence is part of a long and heavily nested page. ".repeat(4)}</p>`;
  return encode(`<!doctype html><html><head><title>Heavy</title></head><body>${"<div>".repeat(depth)}${p.repeat(paragraphs)}${"</div>".repeat(depth)}</body></html>`);
}

/**
 * A .docx whose word/document.xml really inflates to `realMb` MB of XML while its
 * central directory declares `declaredBytes` (a lying archive), or the true size
 * when `declaredBytes` is omitted (an honest bomb). Built by streaming, never holding
 * the inflated bytes.
 */
export function bombDocx(realMb: number, declaredBytes?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const types = new ZipPassThrough("[Content_Types].xml");
  zip.add(types);
  types.push(encode(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`), true);
  const doc = new ZipDeflate("word/document.xml", { level: 1 });
  zip.add(doc);
  const filler = encode(`<w:t>${" ".repeat(1024 * 1024 - 12)}</w:t>`);
  for (let i = 0; i < realMb; i++) doc.push(filler, i === realMb - 1);
  zip.end();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  if (declaredBytes !== undefined) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = encode("word/document.xml");
    for (let i = 0; i + 46 + name.length <= bytes.length; i++) {
      // The central directory record of word/document.xml: its uncompressed size lies.
      if (view.getUint32(i, true) === 0x02014b50 && name.every((b, k) => bytes[i + 46 + k] === b)) view.setUint32(i + 24, declaredBytes, true);
    }
  }
  return bytes;
}

/** A minimal valid .docx whose body holds `levels` tables nested in each other's cells. */
export function nestedTablesDocx(levels: number): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = "<w:tbl><w:tr><w:tc>".repeat(levels) + "<w:p><w:r><w:t>深い表</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>".repeat(levels);
  return zipSync({
    "[Content_Types].xml": encode(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": encode(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": encode(`<?xml version="1.0"?><w:document ${w}><w:body>${body}</w:body></w:document>`),
  });
}

/** A .docx archive with `entries` tiny entries (Word writes a few dozen). */
export function manyEntriesDocx(entries: number): Uint8Array {
  const files: Record<string, Uint8Array> = { "[Content_Types].xml": encode("<Types/>"), "word/document.xml": encode("<w:document/>") };
  for (let i = 0; i < entries; i++) files[`word/media/part${i}.xml`] = encode("<x/>");
  return zipSync(files, { level: 0 });
}

/** A file that starts like a PDF and then is noise. */
export function garbagePdf(bytes = 200_000): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = 2463534242;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out.set(encode("%PDF-1.7\n"), 0);
  return out;
}

/** Valid UTF-8 text of about `mb` MB: paragraphs of plain sentences. */
export function hugeText(mb: number): Uint8Array {
  const paragraph = "This is a perfectly ordinary paragraph of a very long report. ".repeat(16) + "\n\n";
  return encode(paragraph.repeat(Math.ceil((mb * 1024 * 1024) / paragraph.length)));
}
