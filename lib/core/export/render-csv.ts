/**
 * CSV (RFC 4180): UTF-8 with a byte-order mark so Excel reads Japanese correctly, CRLF line ends,
 * every field quoted, and cells that a spreadsheet would run as a formula (= + - @, tab, CR)
 * prefixed with an apostrophe (OWASP "CSV injection").
 */
import { formatSortable, linkLine } from "./format";
import { labelsOf, type Excerpt, type ExportLabels, type ExportMeta, type ExportWriter } from "./types";

const COLUMNS = [
  "id", "document_title", "organisation", "date", "headings", "page", "paragraph", "quote", "note",
  "themes", "author", "status", "created", "modified", "permalink", "start", "end", "replies", "links",
] as const;

/** Neutralises spreadsheet formulas, then quotes the field. */
export function csvField(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function csvWriter(): ExportWriter {
  let labels: ExportLabels;
  let when: Pick<ExportMeta, "locale" | "timeZone"> = {};
  return {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    flat: true,
    begin(meta) {
      labels = labelsOf(meta);
      when = meta;
      return `\ufeff${csvRow([...COLUMNS])}`;
    },
    group: () => "",
    excerpt(e: Excerpt) {
      const c = e.citation;
      return csvRow([
        e.id, c.title, c.organisation, c.date, c.headingPath.join(" › "), c.page, c.paragraph, e.quote, e.note,
        e.themes.map((t) => t.name).join("; "), e.author.name, e.status, formatSortable(e.createdAt, when), formatSortable(e.updatedAt, when), c.permalink,
        e.startCodePoint, e.endCodePoint,
        e.replies.map((r) => `${r.authorName}: ${r.body}`).join("\n"),
        e.links.map((l) => linkLine(l, labels)).join("\n"),
      ]);
    },
    end: () => "",
  };
}
