/**
 * Node sizes on the map, estimated from the text so the layout (which runs before React has
 * measured anything) reserves about the right room. CJK characters are about twice as wide as
 * Latin ones at the same font size.
 */
export const NODE_WIDTH = 240;
const LINE_HEIGHT = 18;
const PADDING = 44; // badge row + padding
const MAX_LINES = 5;
/** Width units per line: 14 CJK characters or about 28 Latin ones at 13px. */
const UNITS_PER_LINE = 28;

export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return units;
}

/** The number of lines the node shows (capped: long excerpts are clipped with an ellipsis). */
export function nodeLines(text: string): number {
  return Math.max(1, Math.min(MAX_LINES, Math.ceil(textUnits(text) / UNITS_PER_LINE)));
}

export function nodeSize(text: string): { width: number; height: number } {
  return { width: NODE_WIDTH, height: PADDING + nodeLines(text) * LINE_HEIGHT };
}

/** Splits `text` into at most MAX_LINES display lines of about UNITS_PER_LINE units (SVG export). */
export function wrapText(text: string, unitsPerLine = UNITS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = "";
  let units = 0;
  for (const ch of text.replace(/\s+/g, " ").trim()) {
    const u = textUnits(ch);
    if (units + u > unitsPerLine) {
      lines.push(line);
      line = "";
      units = 0;
      if (lines.length === maxLines) break;
    }
    line += ch;
    units += u;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines) lines[maxLines - 1] = lines[maxLines - 1]!.slice(0, -1) + "…";
  return lines;
}
