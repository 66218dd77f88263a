/**
 * A unit is a block in the making: the lines that belong together, what the
 * segmenter saw at its start, and (after classification) its kind.
 */
import type { BlockKind } from "./types";
import type { Line } from "./split-lines";

/** What the first line of a unit looked like to the segmenter. */
export type UnitHint =
  | "paragraph"
  | "footnote"
  | "list"
  | "circled"
  | "heading"
  | "note"
  | "caption"
  | "acronym"
  | "glossary";

export interface Unit {
  lines: Line[];
  hint: UnitHint;
  kind: BlockKind;
  label?: string;
  level?: number;
  /** Heading family ("paren", "bracket", …) used to derive levels. */
  family?: string;
  page: number;
  /** Blank lines before the unit (layout), for the figure-caption rule. */
  gapBefore: number;
  /** The unit starts right after a page boundary (form feed or a missing interleave blank). */
  pageBreakBefore: boolean;
  /** The first line is indented as a paragraph start. */
  indented: boolean;
  /** Inside a footnote area (below a separator line). */
  inFootnoteZone: boolean;
  /** Offset of the marker to drop from the first line (Markdown `#`), in prepared text. */
  dropPrefixEnd?: number;
  /** Units that interrupted this one in the source and were moved after it (footnotes, captions). */
  moved?: Unit[];
}

/** The unit's lines as one string, for pattern tests (not for output). */
export function unitText(unit: Unit): string {
  return unit.lines.map((l) => l.text).join("");
}

/** The last line of a unit (units are never empty). */
export function lastLine(unit: Unit): Line {
  const line = unit.lines[unit.lines.length - 1];
  if (!line) throw new Error("empty unit");
  return line;
}
