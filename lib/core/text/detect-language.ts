/**
 * A script-based language guess: enough to choose reflow rules and a default
 * search configuration, not a language identifier.
 */

const SAMPLE = 20_000;

/**
 * "ja" when kana appear, "ko" for Hangul, "zh" for Han without kana, "en" for Latin
 * text, "und" when there is nothing to go on.
 */
export function detectLanguage(text: string): string {
  let kana = 0;
  let han = 0;
  let hangul = 0;
  let latin = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9d)) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff)) hangul++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  const letters = kana + han + hangul + latin;
  if (letters === 0) return "und";
  // Japanese prose is at least a few percent kana even when dense with kanji.
  if (kana >= letters * 0.03) return "ja";
  if (hangul >= letters * 0.2) return "ko";
  if (han >= letters * 0.3) return "zh";
  return latin >= letters * 0.5 ? "en" : "und";
}
