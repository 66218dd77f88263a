/**
 * Raw extracted text → canonical text with blocks (issue #3). Pure and linear:
 * prepare (NFC, control characters) → lines → page furniture → layout → units →
 * kinds → rejoin cut paragraphs → title and levels → emit → footnote links.
 */
import { analyseLayout } from "./analyse-layout";
import { assignHeadingLevels } from "./assign-heading-levels";
import { chooseTitle } from "./choose-title";
import { classifyUnits } from "./classify-units";
import { detectFurniture } from "./detect-furniture";
import { detectLanguage } from "./detect-language";
import { emitBlocks } from "./emit-blocks";
import { linkFootnotes } from "./link-footnotes";
import { composeOffsetMap } from "./offset-map";
import { prepareInput } from "./prepare-input";
import { segmentHinted } from "./segment-hinted";
import { segmentUnits } from "./segment-units";
import { splitLines } from "./split-lines";
import { stitchUnits } from "./stitch-units";
import type { DroppedSpan, NormaliseOptions, NormalisedText, RawInput } from "./types";

/** Page separator used when the input comes as pages; raw offsets refer to the joined string. */
export const PAGE_SEPARATOR = "\f";

/**
 * Normalises `input` (one string, or one string per page) into the canonical text.
 * Raw offsets in the result refer to the input string, or for pages to
 * `pages.join(PAGE_SEPARATOR)`.
 */
export function normaliseText(input: RawInput, options: NormaliseOptions = {}): NormalisedText {
  const raw = typeof input === "string" ? input : input.join(PAGE_SEPARATOR);
  const markdown = options.format === "markdown";
  const prep = prepareInput(raw);
  const language = detectLanguage(prep.text);
  const cjk = language === "ja" || language === "zh";
  const lines = splitLines(prep.text, cjk);
  const pageCount = lines.length > 0 ? (lines[lines.length - 1]?.page ?? 1) : 1;
  const hints = options.lineHints?.length === lines.length ? options.lineHints : null;
  if (hints) lines.forEach((l, k) => void (hints[k]?.drop !== undefined && (l.drop = hints[k]?.drop)));
  else detectFurniture(lines, pageCount);
  const layout = analyseLayout(lines, cjk);
  const units = hints ? segmentHinted(lines, hints, layout) : segmentUnits(lines, layout, markdown);
  classifyUnits(units, layout, markdown);
  // Layout-segmented units are whole already: page breaks were crossed by geometry.
  const ordered = hints ? units : stitchUnits(units, layout.wrapped);
  const title = chooseTitle(ordered);
  assignHeadingLevels(ordered);
  const emitted = emitBlocks(ordered, prep.text, layout);
  if (pageCount === 1) for (const b of emitted.blocks) delete b.page;
  const unresolved = linkFootnotes(emitted.text, emitted.blocks, cjk);

  const toRaw = (p: number): number => prep.toRaw[p] ?? raw.length;
  const dropped: DroppedSpan[] = [...prep.dropped];
  for (const line of lines) {
    if (line.drop === undefined || line.blank) continue;
    dropped.push({ text: raw.slice(toRaw(line.contentStart), toRaw(line.contentEnd)), reason: line.drop, rawStart: toRaw(line.contentStart), rawEnd: toRaw(line.contentEnd) });
  }
  const artefactSpaces = emitted.removed.filter((r) => r.reason === "extraction_space").length;
  for (const r of emitted.removed) {
    // Whitespace may go without a trace (the invariants are over visible characters); it is counted.
    if (r.reason === "extraction_space") continue;
    dropped.push({ text: raw.slice(toRaw(r.start), toRaw(r.end)), reason: r.reason, rawStart: toRaw(r.start), rawEnd: toRaw(r.end) });
  }
  dropped.sort((a, b) => a.rawStart - b.rawStart);

  if (options.lineHints && !hints) prep.warnings.push("Layout hints did not match the text's lines and were ignored.");
  const warnings = [...prep.warnings, ...describe(emitted.text, layout.interleaved, unresolved)];
  const offsetMap = composeOffsetMap(emitted.runs, emitted.text.length, prep.toRaw, raw.length);
  return { text: emitted.text, blocks: emitted.blocks, dropped, warnings, offsetMap, title, language, artefactSpaces };
}

function describe(text: string, interleaved: boolean, unresolved: readonly string[]): string[] {
  const out: string[] = [];
  const fffd = text.split("\ufffd").length - 1;
  if (fffd > 0) out.push(`${fffd} U+FFFD replacement character(s) from the source kept.`);
  const pua = (text.match(/[\ue000-\uf8ff]/g) ?? []).length;
  if (pua > 0) out.push(`${pua} private-use character(s) (symbol-font glyphs) kept.`);
  if (interleaved) out.push("Blank lines interleave every line: treated as line spacing, not paragraph breaks.");
  if (unresolved.length > 0) out.push(`Footnote marker(s) without a footnote body: ${[...new Set(unresolved)].join(" ")}.`);
  return out;
}
