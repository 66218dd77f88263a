/**
 * CSV for spreadsheets: UTF-8 with a byte order mark (without it Excel reads Japanese as
 * Shift_JIS mojibake), CRLF line ends, RFC 4180 quoting, and a guard against formula
 * injection: a text cell starting with = + - @ (or tab / carriage return) is prefixed with an
 * apostrophe so that a theme named "=HYPERLINK(…)" stays text (OWASP's CSV injection advice).
 */
import type { CooccurrenceTable } from "./cooccurrence";
import type { ThemeMatrix } from "./matrix";

export type CsvCell = string | number;

export const CSV_BOM = "\uFEFF";

/** One cell: numbers as they are, text guarded and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(guarded) ? `"${guarded.replace(/"/gu, '""')}"` : guarded;
}

/** A whole document: BOM, rows joined by CRLF, a final CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export interface MatrixCsvLabels {
  theme: string;
  parent: string;
  count: string;
  coverage: string;
  total: string;
}

/** Themes as rows (with their parent), per document a count and a coverage column (%, 2 decimals). */
export function matrixCsv(matrix: ThemeMatrix, labels: MatrixCsvLabels): string {
  const names = new Map(matrix.rows.map((r) => [r.theme.id, r.theme.name]));
  const header: CsvCell[] = [labels.theme, labels.parent];
  for (const d of matrix.documents) header.push(`${d.title} — ${labels.count}`, `${d.title} — ${labels.coverage}`);
  header.push(labels.total);
  const rows: CsvCell[][] = [header];
  for (const r of matrix.rows) {
    const row: CsvCell[] = [r.theme.name, r.parentId ? (names.get(r.parentId) ?? "") : ""];
    for (const c of r.cells) row.push(c.count, Math.round(c.coverage * 10_000) / 100);
    row.push(r.total.count);
    rows.push(row);
  }
  return toCsv(rows);
}

/** The square co-occurrence table, theme names on both axes. */
export function cooccurrenceCsv(table: CooccurrenceTable, corner: string): string {
  const header: CsvCell[] = [corner, ...table.themes.map((t) => t.theme.name)];
  const rows: CsvCell[][] = [header];
  table.themes.forEach((t, i) => rows.push([t.theme.name, ...table.counts[i]!.map((c, j) => (i === j ? "" : c))]));
  return toCsv(rows);
}
