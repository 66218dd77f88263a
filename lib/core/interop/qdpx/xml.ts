/**
 * A small XML 1.0 writer: escaping for text and attributes, and removal of the characters XML 1.0
 * cannot carry at all (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) — an
 * escaped `&#1;` is still not well-formed XML 1.0, so such characters are dropped and counted for
 * the report instead of producing a file no suite (and no validator) reads. Hand-written because
 * it is 60 lines: the builders on npm (xmlbuilder2 & co.) add a DOM we do not need and still leave
 * the control-character question to the caller.
 */

// Everything outside the XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Counts what the writer had to leave out, for the export report. */
export interface XmlStats {
  removedChars: number;
}

export function cleanXmlChars(s: string, stats?: XmlStats): string {
  return s.replace(NOT_XML_CHAR, () => {
    if (stats) stats.removedChars++;
    return "";
  });
}

export function escapeText(s: string, stats?: XmlStats): string {
  return cleanXmlChars(s, stats).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Attribute values keep tabs and line breaks (an XML parser would turn raw ones into spaces). */
export function escapeAttr(s: string, stats?: XmlStats): string {
  return escapeText(s, stats).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

export type Attrs = Readonly<Record<string, string | number | boolean | undefined | null>>;

/** Appends elements to an array of parts, joined once at the end (linear in the output size). */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  constructor(readonly stats: XmlStats = { removedChars: 0 }) {}

  private attrs(attrs: Attrs): string {
    let out = "";
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) out += ` ${k}="${escapeAttr(String(v), this.stats)}"`;
    return out;
  }

  open(name: string, attrs: Attrs = {}): this {
    this.parts.push(`<${name}${this.attrs(attrs)}>`);
    return this;
  }

  close(name: string): this {
    this.parts.push(`</${name}>`);
    return this;
  }

  empty(name: string, attrs: Attrs = {}): this {
    this.parts.push(`<${name}${this.attrs(attrs)}/>`);
    return this;
  }

  /** An element holding text only. */
  text(name: string, text: string, attrs: Attrs = {}): this {
    this.parts.push(`<${name}${this.attrs(attrs)}>${escapeText(text, this.stats)}</${name}>`);
    return this;
  }

  toString(): string {
    return this.parts.join("");
  }
}
