/**
 * The import report (issue #12): what an import made of a file — blocks by kind,
 * furniture dropped and why, and warnings a reader should know of (characters lost
 * as U+FFFD per block, likely mojibake, unlinked footnote markers, pages without
 * text). One typed structure for the upload response, the import panel and the CLI.
 */
import type { BlockKind, NormalisedText } from "./types";

export type ReportWarning =
  | { code: "replacement_chars"; count: number; blocks: { block: number; page?: number; count: number }[] }
  | { code: "private_use_chars"; count: number }
  | { code: "mojibake"; count: number; blocks: number[] }
  | { code: "artefact_spaces"; count: number }
  | { code: "textless_pages"; pages: number[] }
  | { code: "ocr_confidence"; pages: { page: number; confidence: number }[] }
  /** Any other warning, as the extractor wrote it (English). */
  | { code: "other"; message: string };

export interface ImportReport {
  blocks: { total: number; byKind: Partial<Record<BlockKind, number>> };
  /** Pages of the source, when it has pages. */
  pages: number | null;
  /** Dropped text grouped by reason, with up to three distinct examples each. */
  dropped: { reason: string; count: number; examples: string[] }[];
  warnings: ReportWarning[];
}

// UTF-8 read as Latin-1 or Windows-1252 ("Ã©", "â€™"), or Shift_JIS read as UTF-8 then
// re-encoded ("縺", "繧"): sequences no real text holds in numbers.
const MOJIBAKE = /Ã[\u0080-\u00ff]|â€|ï¿½|縺|繧|繝|譁/g;

/** Builds the report of `n`; `extra` adds what only the caller knows (pages without text, OCR). */
export function buildImportReport(n: NormalisedText, extra: { pageCount?: number; textlessPages?: number[]; ocr?: { page: number; confidence: number }[]; warnings?: string[] } = {}): ImportReport {
  const byKind: Partial<Record<BlockKind, number>> = {};
  const fffd: { block: number; page?: number; count: number }[] = [];
  const mojibake: number[] = [];
  let mojibakeCount = 0;
  n.blocks.forEach((b, i) => {
    byKind[b.kind] = (byKind[b.kind] ?? 0) + 1;
    const body = n.text.slice(b.start, b.end);
    const lost = body.split("\ufffd").length - 1;
    if (lost > 0) fffd.push({ block: i, ...(b.page !== undefined ? { page: b.page } : {}), count: lost });
    const bad = (body.match(MOJIBAKE) ?? []).length;
    if (bad > 0) {
      mojibake.push(i);
      mojibakeCount += bad;
    }
  });
  const groups = new Map<string, { count: number; examples: string[] }>();
  for (const d of n.dropped) {
    const g = groups.get(d.reason) ?? { count: 0, examples: [] };
    g.count++;
    const t = d.text.trim().slice(0, 80);
    if (t && g.examples.length < 3 && !g.examples.includes(t)) g.examples.push(t);
    groups.set(d.reason, g);
  }
  const warnings: ReportWarning[] = [];
  if (fffd.length > 0) warnings.push({ code: "replacement_chars", count: fffd.reduce((s, f) => s + f.count, 0), blocks: fffd });
  const pua = (n.text.match(/[\ue000-\uf8ff]/g) ?? []).length;
  if (pua > 0) warnings.push({ code: "private_use_chars", count: pua });
  if (mojibakeCount >= 3) warnings.push({ code: "mojibake", count: mojibakeCount, blocks: mojibake });
  if ((n.artefactSpaces ?? 0) > 0) warnings.push({ code: "artefact_spaces", count: n.artefactSpaces ?? 0 });
  if (extra.textlessPages && extra.textlessPages.length > 0) warnings.push({ code: "textless_pages", pages: extra.textlessPages });
  if (extra.ocr && extra.ocr.length > 0) warnings.push({ code: "ocr_confidence", pages: extra.ocr });
  // The normaliser's own prose for U+FFFD and private-use characters is covered above.
  for (const message of [...(extra.warnings ?? []), ...n.warnings]) {
    if (!/U\+FFFD replacement|private-use character/.test(message)) warnings.push({ code: "other", message });
  }
  const maxPage = Math.max(0, ...n.blocks.map((b) => b.page ?? 0));
  return {
    blocks: { total: n.blocks.length, byKind },
    pages: extra.pageCount ?? (maxPage > 0 ? maxPage : null),
    dropped: [...groups].map(([reason, g]) => ({ reason, ...g })),
    warnings,
  };
}
