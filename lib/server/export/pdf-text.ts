/**
 * Line breaking for the PDF export, in place of pdfkit's LineWrapper: that one runs the full
 * Unicode line-breaking algorithm and measures every candidate through the font's layout, which
 * made Japanese excerpts cost about 1 ms each. Japanese may break between any two characters,
 * so a greedy fill with cached character widths is enough, plus the usual kinsoku rules: closing
 * punctuation and small kana never start a line (they hang into the margin instead), opening
 * brackets never end one. Runs of Latin letters break at spaces, or anywhere when a word is
 * wider than the line.
 */

/** Characters that must not start a line (JIS X 4051 gyōtō kinsoku, the common subset). */
const NO_START = new Set([..."、。，．,.)）]］｝}〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・:;：；/"]);
/** Characters that must not end a line. */
const NO_END = new Set([..."(（[［｛{〔〈《「『【〘〖〝‘“｟«"]);
const isSpace = (c: string) => c === " " || c === "\t" || c === "\u3000";
const isLatin = (c: string) => /^[\p{Script=Latin}\p{Nd}'’-]$/u.test(c);

/** Splits `text` into lines no wider than `width` (hanging punctuation aside). */
export function wrapText(text: string, width: number, measure: (ch: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const chars = [...paragraph];
    let line: string[] = [];
    let lineWidth = 0;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const w = measure(c);
      if (lineWidth + w <= width || line.length === 0 || NO_START.has(c)) {
        line.push(c);
        lineWidth += w;
        continue;
      }
      // Break before `c`: move back to a space inside a Latin word, and keep opening brackets
      // with what follows them.
      let cut = line.length;
      if (isLatin(c) || isSpace(c)) {
        let j = line.length;
        while (j > 0 && isLatin(line[j - 1]!)) j--;
        if (j > 0 && j < line.length && isSpace(line[j - 1]!)) cut = j;
      }
      while (cut > 1 && NO_END.has(line[cut - 1]!)) cut--;
      const carried = line.slice(cut);
      lines.push(line.slice(0, cut).join("").replace(/[ \t]+$/, ""));
      line = isSpace(c) && carried.length === 0 ? [] : [...carried, c];
      lineWidth = line.reduce((sum, ch) => sum + measure(ch), 0);
    }
    lines.push(line.join(""));
  }
  return lines;
}

/** The subset of pdfkit's document this module uses. */
export interface PdfLike {
  x: number;
  y: number;
  page: { maxY(): number };
  font(name: string): PdfLike;
  fontSize(size: number): PdfLike;
  fillColor(color: string): PdfLike;
  currentLineHeight(includeGap?: boolean): number;
  widthOfString(s: string): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): PdfLike;
  addPage(): PdfLike;
}

export interface TextStyle {
  font: string;
  size: number;
  color: string;
  lineGap?: number;
  indent?: number;
  link?: string;
}

/** Character widths per document, per font and size. */
const widthCaches = new WeakMap<PdfLike, Map<string, Map<string, number>>>();

/**
 * Writes `text` at the left margin + indent, wrapped to `width`, one pdfkit call per line and
 * a new page whenever the next line would not fit. Returns the page count it added.
 */
export function writeText(doc: PdfLike, text: string, left: number, width: number, style: TextStyle): number {
  doc.font(style.font).fontSize(style.size).fillColor(style.color);
  let perStyle = widthCaches.get(doc);
  if (!perStyle) widthCaches.set(doc, (perStyle = new Map()));
  const key = `${style.font}/${style.size}`;
  let cache = perStyle.get(key);
  if (!cache) perStyle.set(key, (cache = new Map()));
  const widths = cache;
  const measure = (ch: string) => {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = doc.widthOfString(ch)));
    return w;
  };
  const indent = style.indent ?? 0;
  const lineHeight = doc.currentLineHeight(true) + (style.lineGap ?? 0);
  let added = 0;
  let first = true;
  for (const line of wrapText(text, width - indent, measure)) {
    if (doc.y + lineHeight > doc.page.maxY()) {
      doc.addPage();
      added++;
      doc.font(style.font).fontSize(style.size).fillColor(style.color);
    }
    const y = doc.y;
    // One link annotation per text (on its first line) keeps the PDF's object count down.
    if (line) doc.text(line, left + indent, y, { lineBreak: false, ...(style.link && first ? { link: style.link } : {}) });
    first = false;
    doc.y = y + lineHeight;
  }
  doc.x = left;
  return added;
}
