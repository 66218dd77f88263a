/**
 * Features of a passage for similarity (issue #13): what two passages must share to count as
 * saying the same thing. Japanese has no spaces between words and a segmenter misses the
 * compounds these papers coin (拡大抑止協議, 同盟調整メカニズム), so CJK text contributes its
 * character bigrams and trigrams; Latin text (and digits) contributes words. Both sides are
 * NFKC-folded and lower-cased, so width and case never matter (ＡＣＭ = acm, ２＋２ = 2+2), and
 * whitespace and punctuation are skipped inside CJK runs, so a PDF line break or a comma in the
 * middle of a phrase changes nothing. Pure string code.
 */

/** Term frequencies of one passage: feature → count. */
export type FeatureCounts = Map<string, number>;

/** Hiragana, Katakana (with ー), CJK ideographs (with 々〆 and extension A), Hangul syllables. */
function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3005 ||
    c === 0x3006 ||
    // Supplementary ideographs (𠮷): extensions B–H.
    (c >= 0x20000 && c <= 0x3134f)
  );
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  return WORD_CHAR.test(ch);
}

/** Latin words shorter than this are dropped: single letters ("a", "s" of "U.S.") say nothing. */
const MIN_WORD_LENGTH = 2;

/** Folds a passage for matching: NFKC (width, compatibility forms) then lower case. */
export function foldPassage(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The feature counts of `text`. A CJK run continues across whitespace, punctuation and symbols
 * (they are dropped, as the extraction put many of them there) and ends at a Latin letter or
 * digit; a run of one character counts as that character. Latin words end at anything else.
 */
export function passageFeatures(text: string, into: FeatureCounts = new Map()): FeatureCounts {
  const folded = foldPassage(text);
  let run: string[] = [];
  let word = "";
  const add = (f: string) => into.set(f, (into.get(f) ?? 0) + 1);
  const flushRun = () => {
    if (run.length === 1) add(run[0]!);
    for (let i = 0; i + 1 < run.length; i++) {
      add(run[i]! + run[i + 1]!);
      if (i + 2 < run.length) add(run[i]! + run[i + 1]! + run[i + 2]!);
    }
    run = [];
  };
  const flushWord = () => {
    if (word.length >= MIN_WORD_LENGTH) add(word);
    word = "";
  };
  for (const ch of folded) {
    const c = ch.codePointAt(0)!;
    if (isCjk(c)) {
      flushWord();
      run.push(ch);
    } else if (isWordChar(c, ch)) {
      if (run.length) flushRun();
      word += ch;
    } else {
      flushWord();
    }
  }
  flushWord();
  flushRun();
  return into;
}
