/**
 * Speeds up pdfkit for Japanese. pdfkit caches glyph layouts per space-separated word, and
 * Japanese has no spaces, so every line was shaped whole by fontkit (GSUB/GPOS lookups over a
 * 17,000-glyph font): about 2 ms per excerpt. Ideographs, kana and full-width forms need no
 * contextual shaping in horizontal text, so they are laid out one character at a time (with
 * any combining marks that follow) and hit pdfkit's cache; everything else keeps pdfkit's
 * own word-by-word path. Uses pdfkit's EmbeddedFont internals (`layout`, `layoutCached`):
 * when they are missing (another pdfkit version) the font is left as it is.
 */
interface GlyphRun {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}
interface EmbeddedFontLike {
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRun;
  layoutCached?(text: string): { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
  __cjkFast?: boolean;
}

/** Ideographs, kana, CJK symbols, full-width forms, and the supplementary ideograph planes. */
function isCjk(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}
/** Combining marks and variation selectors stay with the character before them. */
const isMark = (ch: string) => /^[\p{M}\u{e0100}-\u{e01ef}\ufe00-\ufe0f]$/u.test(ch);

/** CJK characters one by one (with their marks); other text in runs ending after a space. */
function segments(text: string): string[] {
  const out: string[] = [];
  let run = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (run && isMark(ch)) {
      run += ch;
      continue;
    }
    if (isCjk(cp)) {
      if (run) out.push(run);
      run = ch;
      out.push(run);
      run = "";
      continue;
    }
    if (run && isCjk(run.codePointAt(run.length - 1)!)) {
      out.push(run);
      run = "";
    }
    run += ch;
    if (ch === " " || ch === "\t") {
      out.push(run);
      run = "";
    }
  }
  if (run) out.push(run);
  return out;
}

export function enableFastCjkLayout(font: unknown): void {
  const f = font as EmbeddedFontLike;
  if (!f || typeof f.layout !== "function" || typeof f.layoutCached !== "function" || f.__cjkFast) return;
  const original = f.layout.bind(f);
  const cached = f.layoutCached.bind(f);
  f.__cjkFast = true;
  // pdfkit measures a line and then encodes it: the last full layout serves both.
  let lastText = "";
  let last: { glyphs: unknown[]; positions: unknown[]; advanceWidth: number } | null = null;
  f.layout = (text, features, onlyWidth) => {
    if (features) return original(text, features, onlyWidth);
    if (text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) {
      const run = cached(text);
      return onlyWidth ? { glyphs: null, positions: null, advanceWidth: run.advanceWidth } : { glyphs: [...run.glyphs], positions: [...run.positions], advanceWidth: run.advanceWidth };
    }
    if (last === null || text !== lastText) {
      const glyphs: unknown[] = [];
      const positions: unknown[] = [];
      let advanceWidth = 0;
      for (const seg of segments(text)) {
        const run = cached(seg);
        for (const g of run.glyphs) glyphs.push(g);
        for (const p of run.positions) positions.push(p);
        advanceWidth += run.advanceWidth;
      }
      lastText = text;
      last = { glyphs, positions, advanceWidth };
    }
    return onlyWidth ? { glyphs: null, positions: null, advanceWidth: last.advanceWidth } : { glyphs: [...last.glyphs], positions: [...last.positions], advanceWidth: last.advanceWidth };
  };
}
