/**
 * Types of PDF layout analysis (pure): positioned text items in, lines in reading
 * order with hints for the normaliser out. Coordinates are PDF user space (y up).
 */
import type { DropReason } from "../text/types";

/** One text item as pdfjs reports it (`getTextContent`), with the font's writing mode. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text matrix; (e, f) is the start of the baseline. */
  transform: readonly number[];
  width: number;
  height: number;
  fontName?: string;
  hasEOL?: boolean;
  /** The font is a vertical (tategaki) font. */
  vertical?: boolean;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: readonly PdfTextItem[];
}

/**
 * A line of text in its reading frame. Horizontal lines: `u` runs left to right
 * (x), `v` is the baseline (y). Vertical columns are mapped into the same frame:
 * `u` runs top to bottom (distance from the page top), `v` is the column's x, so
 * "higher v first" reads columns right to left, as tategaki is read.
 */
export interface LayoutLine {
  page: number;
  text: string;
  frame: "h" | "v";
  u0: number;
  u1: number;
  v: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Extent on the page (y up), for header and footer bands. */
  top: number;
  bottom: number;
  /** Column of the page, in reading order (0 for single-column pages). */
  column: number;
}

/** What the layout says about one line of the text given to the normaliser. */
export interface LineHint {
  /** Page furniture: the line is dropped and reported. */
  drop?: DropReason;
  /** Body text or a footnote at the page bottom. */
  role: "body" | "footnote";
  /** The line starts a new block; otherwise it continues the last block of its role. */
  start: boolean;
  /** Set in a larger font than the body text. */
  heading?: boolean;
  /** A footnote's marker ("3"). */
  label?: string;
}

export interface PdfLayout {
  /** Text of each page: its lines in reading order, joined by "\n". */
  pages: string[];
  /** One entry per line of `pages.join("\f")`, or null for an empty page. */
  hints: (LineHint | null)[];
  /** Per page: whether it has any text (pages without one may need OCR). */
  hasText: boolean[];
}
