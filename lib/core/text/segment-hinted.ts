/**
 * Units from lines whose block starts the PDF layout already decided (see
 * lib/core/layout). Body lines continue the last body unit and footnote lines the
 * last footnote, whatever lies between them in the text (a page end, footnotes,
 * furniture), so a paragraph cut by a page break comes out whole. A line that opens a
 * list item by its marker still starts a unit: lists are often set without spacing.
 */
import type { LineHint } from "../layout/types";
import type { Layout } from "./analyse-layout";
import { isHeadingShaped, matchHeadingMarker } from "./block-markers";
import { hintFor } from "./segment-units";
import type { Line } from "./split-lines";
import type { Unit, UnitHint } from "./unit";

/** Units of `lines` (each with its hint at the same index). */
export function segmentHinted(lines: readonly Line[], hints: readonly (LineHint | null)[], layout: Layout): Unit[] {
  const units: Unit[] = [];
  let body: Unit | null = null;
  let note: Unit | null = null;
  let lastPage = 0;
  lines.forEach((line, k) => {
    const hint = hints[k];
    if (!hint || hint.drop || line.drop !== undefined || line.blank) return;
    const pageBreak = line.page !== lastPage;
    lastPage = line.page;
    if (hint.role === "footnote") {
      if (!hint.start && note) return void note.lines.push(line);
      note = newUnit(line, "footnote", pageBreak, true);
      if (hint.label !== undefined) note.label = hint.label;
      units.push(note);
      return;
    }
    const textHint = hintFor(line, layout, false);
    const opensItem = textHint === "list" || textHint === "circled";
    if (!hint.start && body && !opensItem && !(body.hint === "heading" && !hint.heading)) return void body.lines.push(line);
    let unitHint: UnitHint = textHint === "footnote" ? "paragraph" : textHint;
    if (hint.heading && isHeadingShaped(line.text, matchHeadingMarker(line.text, false) !== null)) unitHint = "heading";
    body = newUnit(line, unitHint, pageBreak, false);
    units.push(body);
  });
  // A text-pattern heading ("1 Scope …") that the layout ran on for lines is a paragraph.
  for (const u of units) if (u.hint === "heading" && u.lines.length > 2) u.hint = "paragraph";
  return units;
}

function newUnit(line: Line, hint: UnitHint, pageBreak: boolean, zone: boolean): Unit {
  return { lines: [line], hint, kind: "paragraph", page: line.page, gapBefore: 1, pageBreakBefore: pageBreak, indented: false, inFootnoteZone: zone };
}
