/**
 * Types of the canonical text model (DESIGN.md, "Text model and anchoring").
 *
 * All offsets are UTF-16 code units: into `NormalisedText.text` for blocks and
 * footnote references, into the raw input string for dropped spans.
 */
import type { LineHint } from "../layout/types";
import type { OffsetMap } from "./offset-map";

export type { OffsetMap } from "./offset-map";

/** What a block of the canonical text is, as a human reader of the paper would call it. */
export type BlockKind =
  | "heading"
  | "paragraph"
  | "list_item"
  | "footnote"
  | "caption"
  | "glossary"
  /** Acronym expansions, cross-references (参照), remarks (※), boxes, front matter. */
  | "note";

/** A footnote marker in the running text, linked to the footnote block it points at. */
export interface FootnoteRef {
  /** The footnote number as digits ("12" for "¹²"). */
  marker: string;
  start: number;
  end: number;
  /** Index into `blocks` of the footnote body, when one was found. */
  footnoteBlock?: number;
}

export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** Outline depth of a heading or list item (1 = top). Approximate for headings. */
  level?: number;
  /** 1-based page number when the input came as pages or contained form feeds. */
  page?: number;
  /** The numbering the source gives the block: "（1）", "【提言１】", "①", a footnote number. */
  label?: string;
  footnoteRefs?: FootnoteRef[];
  /** Machine-read (OCR of a scanned page), with the page's mean word confidence, 0–100. */
  ocr?: { confidence: number };
}

export type DropReason =
  | "running_header"
  | "running_footer"
  | "page_number"
  | "blank"
  | "control_char"
  | "duplicate_line"
  | "hyphenation"
  | "markdown_syntax"
  | "byte_order_mark"
  /** A space PDF extraction put around half-width digits between Japanese characters. */
  | "extraction_space";

/** Raw text that is deliberately not part of the canonical text, and why. */
export interface DroppedSpan {
  text: string;
  reason: DropReason | (string & {});
  rawStart: number;
  rawEnd: number;
}

export interface NormalisedText {
  /** The canonical text: NFC, reflowed, blocks separated by "\n\n". Immutable once stored. */
  text: string;
  blocks: Block[];
  dropped: DroppedSpan[];
  warnings: string[];
  /** Maps every canonical offset back to an offset in the raw input. */
  offsetMap: OffsetMap;
  title: string | null;
  /** BCP-47-ish primary language tag ("ja", "en", …) or "und". */
  language: string;
  /** Spaces left out as PDF extraction artefacts around digits in Japanese text. */
  artefactSpaces?: number;
}

export interface NormaliseOptions {
  /** "markdown" also recognises `#` headings (their hashes are dropped). Default "text". */
  format?: "text" | "markdown";
  /**
   * One hint per line of the input (lines split at "\n" and "\f"), from the layout
   * analysis of a typeset PDF: furniture, footnotes and block starts are then taken
   * from the page geometry instead of guessed from the text.
   */
  lineHints?: readonly (LineHint | null)[];
}

/** Input of `normaliseText`: one string, or one string per page (PDF extraction). */
export type RawInput = string | readonly string[];
