/**
 * DOCX with the docx library: a title, a Heading 1 per group, each excerpt a block quote
 * (paragraph style "Quote"), its citation with the permalink, then its note (or a Word comment
 * on the quote), replies and links. Runs declare Noto Sans JP for East Asian text and ja-JP as
 * the East Asian language, with Yu Gothic/MS Gothic as what Word falls back to.
 * A DOCX is a zip built at the end, so it is held in memory (unlike the streamed formats).
 */
import {
  AlignmentType, BorderStyle, CommentRangeEnd, CommentRangeStart, CommentReference, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun,
  type ICommentOptions,
} from "docx";
import { citationLine, formatInstant, labelsOf, linkLine, type Excerpt, type ExportInclude, type ExportMeta } from "../../core/export";
import type { ExportEvent } from "./query-excerpts";

export const DOCX_FONT = "Noto Sans JP";

function noteParagraphs(text: string, style?: string): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph({ ...(style ? { style } : {}), children: [new TextRun(line)] }));
}

function excerptParagraphs(e: Excerpt, include: ExportInclude, labels: ReturnType<typeof labelsOf>, commentId: number | null): Paragraph[] {
  const quoteRuns = e.quote.split(/\r?\n/).flatMap((line, i) => (i === 0 ? [new TextRun(line)] : [new TextRun({ text: line, break: 1 })]));
  const quote = new Paragraph({
    style: "ExcerptQuote",
    children: commentId === null ? quoteRuns : [new CommentRangeStart(commentId), ...quoteRuns, new CommentRangeEnd(commentId), new TextRun({ children: [new CommentReference(commentId)] })],
  });
  const out = [
    quote,
    new Paragraph({
      style: "ExcerptCitation",
      children: [new TextRun(`— ${citationLine(e.citation, labels)} `), new ExternalHyperlink({ link: e.citation.permalink, children: [new TextRun({ text: "Synoptic", style: "Hyperlink" })] })],
    }),
  ];
  if (e.themes.length) out.push(new Paragraph({ style: "ExcerptCitation", children: [new TextRun(e.themes.map((t) => `#${t.name}`).join("  "))] }));
  if (e.note && commentId === null) {
    out.push(new Paragraph({ children: [new TextRun({ text: `${labels.note} (${e.author.name}): `, bold: true })] }), ...noteParagraphs(e.note));
  }
  if (include.replies && e.replies.length) {
    out.push(new Paragraph({ children: [new TextRun({ text: labels.replies, bold: true })] }));
    for (const r of e.replies) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${r.authorName}: ${r.body}`)] }));
  }
  if (include.links && e.links.length) {
    out.push(new Paragraph({ children: [new TextRun({ text: labels.links, bold: true })] }));
    for (const l of e.links) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(linkLine(l, labels))] }));
  }
  return out;
}

export async function* renderDocx(events: AsyncIterable<ExportEvent>, meta: ExportMeta, include: ExportInclude): AsyncGenerator<Uint8Array> {
  const labels = labelsOf(meta);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${meta.workspaceName} — ${labels.title}`)] }),
    new Paragraph({ style: "ExcerptCitation", children: [new TextRun(`${labels.generated}: ${formatInstant(meta.generatedAt, meta)}`)] }),
  ];
  const comments: ICommentOptions[] = [];
  let count = 0;
  for await (const ev of events) {
    if (ev.type === "group") {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(ev.group.title)] }));
      if (ev.group.subtitle) children.push(new Paragraph({ style: "ExcerptCitation", children: [new TextRun(ev.group.subtitle)] }));
      continue;
    }
    const e = ev.excerpt;
    count++;
    let commentId: number | null = null;
    if (include.comments && e.note) {
      commentId = comments.length;
      comments.push({ id: commentId, author: e.author.name, date: new Date(e.createdAt), children: noteParagraphs(e.note) });
    }
    children.push(...excerptParagraphs(e, include, labels, commentId));
  }
  if (count === 0) children.push(new Paragraph({ children: [new TextRun(labels.empty)] }));
  const font = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, eastAsia: DOCX_FONT, cs: DOCX_FONT };
  const doc = new Document({
    creator: "Synoptic",
    title: `${meta.workspaceName} — ${labels.title}`,
    ...(comments.length ? { comments: { children: comments } } : {}),
    styles: {
      default: { document: { run: { font, language: { value: "ja-JP", eastAsia: "ja-JP" }, size: 21 } } },
      paragraphStyles: [
        {
          id: "ExcerptQuote", name: "Quote", basedOn: "Normal", next: "Normal", quickFormat: true,
          run: { font },
          paragraph: { indent: { left: 567, right: 283 }, spacing: { before: 200, after: 60 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: "999999", space: 8 } } },
        },
        { id: "ExcerptCitation", name: "Citation", basedOn: "Normal", next: "Normal", run: { size: 18, color: "555555", italics: true }, paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 120 } } },
      ],
    },
    sections: [{ children }],
  });
  yield new Uint8Array(await Packer.toBuffer(doc));
}
