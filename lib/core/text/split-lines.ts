/**
 * Splits prepared text into lines that know their offsets, page, indent and width.
 */
import { displayWidth, isWideAt } from "./east-asian-width";

export type Indent = "" | "space" | "ideographic" | "tab";

export interface Line {
  index: number;
  /** Offsets of the line in the prepared text, newline excluded. */
  start: number;
  end: number;
  /** Offsets of the content with leading and trailing whitespace removed. */
  contentStart: number;
  contentEnd: number;
  /** The content (trimmed). */
  text: string;
  indent: Indent;
  /** No visible character. */
  blank: boolean;
  /** Blank, but not empty: it holds spaces. In double-spaced layouts this is a real break. */
  wsOnly: boolean;
  /** The line ends in spaces after a wide character: some extractors mark a block end so. */
  trailingSpace: boolean;
  /** A long run of spaces or a rule line: the separator above footnotes. */
  separator: boolean;
  width: number;
  /** 1-based; form feeds advance it. */
  page: number;
  /** Set when the line is page furniture (header, footer, page number, duplicate). */
  drop?: string;
}

const LEADING_WS = /^[\s\u3000\u2002\u200b]*/;
const TRAILING_WS = /[\s\u3000\u2002\u200b]*$/;

/** Lines of the prepared text; "\f" separates pages. */
export function splitLines(text: string, cjk: boolean): Line[] {
  const lines: Line[] = [];
  let page = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c !== 0x0a && c !== 0x0c && c !== -1) continue;
    lines.push(makeLine(text, lines.length, start, i, page, cjk));
    if (c === 0x0c) page++;
    start = i + 1;
  }
  return lines;
}

function makeLine(text: string, index: number, start: number, end: number, page: number, cjk: boolean): Line {
  const full = text.slice(start, end);
  const lead = LEADING_WS.exec(full)?.[0] ?? "";
  const content = full.slice(lead.length).replace(TRAILING_WS, "");
  const blank = content.length === 0;
  const separator = (blank && full.length >= 20) || /^[-_＿─━―]{10,}$/.test(content);
  const indent: Indent = lead.includes("\u3000") ? "ideographic" : lead.includes("\t") ? "tab" : lead.length > 0 ? "space" : "";
  return {
    index,
    start,
    end,
    contentStart: start + lead.length,
    contentEnd: start + lead.length + content.length,
    text: content,
    indent: blank ? "" : indent,
    blank,
    wsOnly: blank && full.length > 0,
    separator,
    trailingSpace: !blank && full.length > lead.length + content.length && isWideAt(content, content.length - 1),
    width: displayWidth(content, cjk),
    page,
  };
}
