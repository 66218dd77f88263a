/**
 * Source files of every supported format, built at test time from real libraries
 * (pdfkit for PDF, docx for Word), so tests never depend on checked-in binaries.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import JSZip from "jszip";

const require = createRequire(import.meta.url);
export const JAPANESE_TTF = require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf");

export const SAMPLE = {
  heading: "第1節 日米同盟の抑止力",
  paragraph: "日米同盟は、地域の安全保障と繁栄の礎となってきた。拡大抑止の信頼性を高めるため、両国は協議を重ねている。",
  heading2: "（1）拡大抑止",
  paragraph2: "拡大抑止の信頼性を高めるために、日米は協議を重ねてきた。",
};

/** A two-page Japanese PDF with a real text layer (embedded, subsetted Noto Sans JP). */
export function makePdf(opts: { encrypted?: boolean; textless?: boolean } = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", ...(opts.encrypted ? { userPassword: "secret", ownerPassword: "owner" } : {}) });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    if (opts.textless) {
      doc.rect(50, 50, 200, 100).fill("#888");
    } else {
      doc.font(JAPANESE_TTF).fontSize(18).text(SAMPLE.heading);
      doc.fontSize(11).text(SAMPLE.paragraph, { width: 300 });
      doc.addPage().fontSize(14).text(SAMPLE.heading2);
      doc.fontSize(11).text(SAMPLE.paragraph2);
    }
    doc.end();
  });
}

/** A Word document with a heading style and two paragraphs. */
export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: SAMPLE.heading, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: SAMPLE.paragraph }),
          new Paragraph({ text: SAMPLE.heading2, heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: SAMPLE.paragraph2 }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A zip named .docx whose entry declares a 4 GB uncompressed size, as a zip bomb's
 * does; built small by patching the central directory so the test stays fast.
 */
export async function makeZipBomb(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", "<w:document/>");
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true); // central directory: uncompressed size
  }
  return bytes;
}

export function makeHtml(): Uint8Array {
  const nav = `<nav><ul><li><a href="/">ホーム</a></li><li><a href="/about">概要</a></li></ul></nav>`;
  const html = `<!doctype html><html><head><title>${SAMPLE.heading}</title><script>window.__evil = 1; alert("x")</script></head>
<body>${nav}<header>サイトのヘッダー</header><main><article><h1>${SAMPLE.heading}</h1><p>${SAMPLE.paragraph}</p>
<p onclick="alert(1)">${SAMPLE.paragraph.repeat(2)}</p><h2>${SAMPLE.heading2}</h2><p>${SAMPLE.paragraph2}</p><script>document.write("injected")</script></article></main>
<footer>© フッター</footer></body></html>`;
  return new TextEncoder().encode(html);
}

export function makeMarkdown(): Uint8Array {
  return new TextEncoder().encode(`# ${SAMPLE.heading}\n\n${SAMPLE.paragraph}\n\n## ${SAMPLE.heading2}\n\n${SAMPLE.paragraph2}\n`);
}

/** Hard-wrapped, UTF-16 with a byte-order mark, as Windows tools save text. */
export function makeUtf16Text(): Uint8Array {
  const text = `\ufeff${SAMPLE.heading}\n\n${SAMPLE.paragraph.slice(0, 20)}\n${SAMPLE.paragraph.slice(20)}\n`;
  return new Uint8Array(Buffer.from(text, "utf16le"));
}

/** 「日米同盟の抑止力は、長年にわたり維持されてきた。」 in Shift_JIS. */
export const SHIFT_JIS_SAMPLE = new Uint8Array([0x93, 0xfa, 0x95, 0xc4, 0x93, 0xaf, 0x96, 0xbf, 0x82, 0xcc, 0x97, 0x7d, 0x8e, 0x7e, 0x97, 0xcd, 0x82, 0xcd, 0x81, 0x41, 0x92, 0xb7, 0x94, 0x4e, 0x82, 0xc9, 0x82, 0xed, 0x82, 0xbd, 0x82, 0xe8, 0x88, 0xdb, 0x8e, 0x9d, 0x82, 0xb3, 0x82, 0xea, 0x82, 0xc4, 0x82, 0xab, 0x82, 0xbd, 0x81, 0x42]);
