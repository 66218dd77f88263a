/**
 * Features of a passage for similarity (issue #13): what two passages must share to count as
 * saying the same thing. Japanese has no spaces between words and a segmenter misses the
 * compounds these papers coin (拡大抑止協議, 同盟調整メカニズム), so CJK text contributes its
 * character bigrams and trigrams; Latin text (and digits) contributes words. Both sides are
 * NFKC-folded and lower-cased, so width and case never matter (ＡＣＭ = acm, ２＋２ = 2+2), and
 * whitespace and punctuation are skipped inside CJK runs, so a PDF line break or a comma in the
 * middle of a phrase changes nothing. Pure string code.
 */

/**
 * A feature: a CJK n-gram packed into a number (one UTF-16 unit per 16 bits: a bigram is below
 * 2^32, a trigram above, a lone character below 2^16 — CJK units are all ≥ 0x3040, so the three
 * never collide), or a Latin word as a string. Numbers because a workspace's index holds
 * millions of n-gram occurrences and building a string for each was most of its build time.
 */
export type Feature = number | string;

/** Term frequencies of one passage: feature → count. */
export type FeatureCounts = Map<Feature, number>;

/** Hiragana, Katakana (with ー), CJK ideographs (with 々〆 and extension A), Hangul syllables. */
function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3005 ||
    c === 0x3006
  );
}

/**
 * Supplementary ideographs (𠮷, extensions B–H) folded into one 16-bit unit inside the private
 * use area, which is never CJK itself: rare characters may share a unit, which only makes two
 * rare n-grams count as one.
 */
const SUPPLEMENTARY_UNIT = (cp: number) => 0xe000 + ((cp - 0x20000) % 0x1900);
const isSupplementaryCjk = (cp: number) => cp >= 0x20000 && cp <= 0x3134f;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and marks outside CJK; ASCII, CJK punctuation and general punctuation decided without a regex. */
function isWordChar(c: number, cp: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xff00 && c <= 0xffef)) return false;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Latin words shorter than this are dropped: single letters ("a", "s" of "U.S.") say nothing. */
const MIN_WORD_LENGTH = 2;

/** Folds a passage for matching: NFKC (width, compatibility forms) then lower case. */
export function foldPassage(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** The feature of a CJK n-gram of one to three BMP characters (for tests and diagnostics). */
export function ngramFeature(ngram: string): Feature {
  let key = 0;
  for (let i = 0; i < ngram.length; i++) key = key * 0x10000 + ngram.charCodeAt(i);
  return key;
}

/**
 * Calls `visit` once per feature occurrence of `text`. A CJK run continues across whitespace,
 * punctuation and symbols (they are dropped, as the extraction put many of them there) and ends
 * at a Latin letter or digit; a run of one character counts as that character. Latin words end
 * at anything else.
 */
export function scanFeatures(text: string, visit: (f: Feature) => void): void {
  const folded = foldPassage(text);
  // The last two units of the current CJK run, and its length so far.
  let u1 = 0;
  let u2 = 0;
  let runLength = 0;
  let wordStart = -1;
  const endRun = () => {
    if (runLength === 1) visit(u2);
    runLength = 0;
  };
  const endWord = (at: number) => {
    if (wordStart >= 0 && at - wordStart >= MIN_WORD_LENGTH) visit(folded.slice(wordStart, at));
    wordStart = -1;
  };
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < folded.length) {
      const low = folded.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    const wide = cp > 0xffff;
    if (isCjk(c) || isSupplementaryCjk(cp)) {
      endWord(i);
      const unit = wide ? SUPPLEMENTARY_UNIT(cp) : c;
      if (runLength >= 1) visit(u2 * 0x10000 + unit);
      if (runLength >= 2) visit(u1 * 0x100000000 + u2 * 0x10000 + unit);
      u1 = u2;
      u2 = unit;
      runLength++;
    } else if (isWordChar(c, cp)) {
      endRun();
      if (wordStart < 0) wordStart = i;
    } else {
      endWord(i);
    }
    if (wide) i++;
  }
  endWord(folded.length);
  endRun();
}

/** The feature counts of `text` (see scanFeatures). */
export function passageFeatures(text: string, into: FeatureCounts = new Map()): FeatureCounts {
  scanFeatures(text, (f) => into.set(f, (into.get(f) ?? 0) + 1));
  return into;
}
