/**
 * Document-level layout facts the line heuristics depend on: is the text hard-wrapped,
 * how wide is a full line, are blank lines interleaved between all lines, and what an
 * indent looks like.
 */
import type { Line } from "./split-lines";

export interface Layout {
  /** Lines are hard-wrapped at a common width (PDF extraction), not one paragraph per line. */
  wrapped: boolean;
  /** Display width of a full body line (0 when not wrapped). */
  fullWidth: number;
  /** Lines narrower than this are "short": a paragraph may end there. */
  shortWidth: number;
  /** Every line is followed by an empty line; empty lines are then not paragraph breaks. */
  interleaved: boolean;
  /** "ideographic": only U+3000/tab indents start paragraphs (ASCII space marks a page start). */
  indentStyle: "ideographic" | "any";
  /** Trailing spaces after wide text mark block ends (the extractor ended a text run there). */
  trailingSpaceEndsBlock: boolean;
  cjk: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Measures the layout of `lines` (see `Layout`). */
export function analyseLayout(lines: readonly Line[], cjk: boolean): Layout {
  const content = lines.filter((l) => !l.blank && !l.drop);
  const widths = content.map((l) => l.width).sort((a, b) => a - b);
  const w75 = percentile(widths, 0.75);
  const nearFull = content.filter((l) => l.width >= w75 * 0.85 && l.width <= w75 * 1.08).length;
  // Hard-wrapped text has most lines at (nearly) the same width; one-paragraph-per-line
  // text has widths all over the place.
  const wrapped = content.length >= 8 && nearFull >= content.length * 0.45 && w75 >= 30;
  let doubleSpaced = 0;
  for (let i = 0; i + 2 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    const c = lines[i + 2];
    if (a && b && c && !a.blank && b.blank && !b.wsOnly && !c.blank) doubleSpaced++;
  }
  const interleaved = wrapped && doubleSpaced >= content.length * 0.5;
  const ideographicIndents = content.filter((l) => l.indent === "ideographic" || l.indent === "tab").length;
  const spaceIndents = content.filter((l) => l.indent === "space").length;
  const indentStyle = ideographicIndents >= 3 && ideographicIndents >= spaceIndents / 2 ? "ideographic" : "any";
  const fullWidth = wrapped ? w75 : 0;
  // Trust the signal only where it is common and mostly falls on sentence ends.
  const trailing = content.filter((l) => l.trailingSpace);
  const trailingAtEnds = trailing.filter((l) => /[。．！？」』）)]\d*$/.test(l.text)).length;
  const trailingSpaceEndsBlock = wrapped && trailing.length >= 5 && trailingAtEnds >= trailing.length * 0.4;
  return {
    wrapped,
    fullWidth,
    shortWidth: wrapped ? fullWidth * 0.9 : Number.POSITIVE_INFINITY,
    interleaved,
    indentStyle,
    trailingSpaceEndsBlock,
    cjk,
  };
}
