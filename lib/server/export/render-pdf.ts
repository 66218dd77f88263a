/**
 * PDF with pdfkit and an embedded, subsetted Noto Sans JP (TrueType): a title, a heading per
 * group, each excerpt as an indented quote with a bar, its citation (linked to the permalink)
 * right under it, then note, replies and links. Lines are broken by ./pdf-text (kinsoku-aware,
 * much cheaper than pdfkit's wrapper for Japanese); pages are flushed as they fill and the
 * chunks handed on after every excerpt, so memory stays bounded.
 */
import PDFDocument from "pdfkit";
import { citationLine, formatInstant, labelsOf, linkLine, type Excerpt, type ExportInclude, type ExportMeta } from "../../core/export";
import { enableFastCjkLayout } from "./fast-cjk-layout";
import { japaneseFonts } from "./fonts";
import { writeText, type PdfLike } from "./pdf-text";
import type { ExportEvent } from "./query-excerpts";

const MARGIN = 56;
const INK = "#111111";
const GREY = "#555555";

function writeExcerpt(doc: PDFKit.PDFDocument, e: Excerpt, include: ExportInclude, labels: ReturnType<typeof labelsOf>): void {
  const pdf = doc as unknown as PdfLike;
  const width = doc.page.width - 2 * MARGIN;
  doc.y += 8;
  const y0 = doc.y;
  const pagesAdded = writeText(pdf, e.quote, MARGIN, width, { font: "jp", size: 10.5, color: INK, lineGap: 2, indent: 14 });
  if (pagesAdded === 0) doc.save().lineWidth(2).strokeColor("#999999").moveTo(MARGIN + 4, y0).lineTo(MARGIN + 4, doc.y - 2).stroke().restore();
  doc.y += 2;
  writeText(pdf, `— ${citationLine(e.citation, labels)}`, MARGIN, width, { font: "jp", size: 8.5, color: GREY, link: e.citation.permalink });
  if (e.themes.length) writeText(pdf, e.themes.map((t) => `#${t.name}`).join("  "), MARGIN, width, { font: "jp", size: 8.5, color: GREY });
  if (e.note) {
    writeText(pdf, `${labels.note} (${e.author.name})`, MARGIN, width, { font: "jp-bold", size: 9.5, color: INK });
    writeText(pdf, e.note, MARGIN, width, { font: "jp", size: 9.5, color: INK });
  }
  if (include.replies && e.replies.length) {
    writeText(pdf, labels.replies, MARGIN, width, { font: "jp-bold", size: 9, color: INK });
    for (const r of e.replies) writeText(pdf, `・${r.authorName}: ${r.body}`, MARGIN, width, { font: "jp", size: 9, color: INK, indent: 8 });
  }
  if (include.links && e.links.length) {
    writeText(pdf, labels.links, MARGIN, width, { font: "jp-bold", size: 9, color: INK });
    for (const l of e.links) writeText(pdf, linkLine(l, labels), MARGIN, width, { font: "jp", size: 9, color: INK, indent: 8 });
  }
}

export async function* renderPdf(events: AsyncIterable<ExportEvent>, meta: ExportMeta, include: ExportInclude): AsyncGenerator<Uint8Array> {
  const labels = labelsOf(meta);
  const fonts = japaneseFonts();
  const doc = new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: `${meta.workspaceName} — ${labels.title}`, Creator: "Synoptic" }, lang: "ja-JP", displayTitle: true });
  const pdf = doc as unknown as PdfLike;
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const drain = (): Uint8Array | null => (chunks.length ? new Uint8Array(Buffer.concat(chunks.splice(0))) : null);
  doc.registerFont("jp", fonts.regular);
  doc.registerFont("jp-bold", fonts.bold);
  for (const name of ["jp-bold", "jp"]) enableFastCjkLayout((doc.font(name) as unknown as { _font: unknown })._font);
  const width = doc.page.width - 2 * MARGIN;
  writeText(pdf, `${meta.workspaceName} — ${labels.title}`, MARGIN, width, { font: "jp-bold", size: 16, color: INK });
  writeText(pdf, `${labels.generated}: ${formatInstant(meta.generatedAt, meta)}`, MARGIN, width, { font: "jp", size: 8.5, color: GREY });
  let count = 0;
  for await (const ev of events) {
    if (ev.type === "group") {
      doc.y += 14;
      writeText(pdf, ev.group.title, MARGIN, width, { font: "jp-bold", size: 13, color: INK });
      if (ev.group.subtitle) writeText(pdf, ev.group.subtitle, MARGIN, width, { font: "jp", size: 8.5, color: GREY });
      continue;
    }
    count++;
    writeExcerpt(doc, ev.excerpt, include, labels);
    const chunk = drain();
    if (chunk) yield chunk;
  }
  if (count === 0) {
    doc.y += 14;
    writeText(pdf, labels.empty, MARGIN, width, { font: "jp", size: 10, color: INK });
  }
  doc.end();
  await ended;
  const rest = drain();
  if (rest) yield rest;
}
