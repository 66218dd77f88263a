/**
 * The line-start patterns of Japanese (and plain Markdown) policy papers: list
 * bullets, heading numbering, footnote bodies, notes and captions. Pure predicates on
 * one trimmed line of text; the segmenter and classifier decide what they mean in context.
 */

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** "¹²" → "12". */
export function superscriptToDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const i = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += i >= 0 ? String(i) : ch;
  }
  return out;
}

/** Full-width digits to ASCII ("１２" → "12"). */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
export const FOOTNOTE_SUPERSCRIPT_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)[\s\u3000]*(?=\S)/;
export const FOOTNOTE_DIGIT_START = /^(\d{1,3})[\s\u3000\u2002]+(?=\S)/;

export interface Marker {
  label: string;
  family: string;
  /** Nesting depth implied by the marker itself (Markdown, indented bullets). */
  level?: number;
}

/**
 * The line without the stray middle dots some extractions put before markers
 * ("··→·", "□·1954年"): they stay in the text but must not hide the marker.
 */
export function markerText(text: string): string {
  return text.replace(/^[\u00b7\s\u3000]+/, "");
}

const LIST_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^(→|⇒)/, "arrow"],
  [/^([\uf000-\uf0ff])[\s\u3000]*/, "bullet"], // symbol-font bullets extracted as private use
  [/^([•●○◦▪▫◆◇])[\s\u3000]+/, "bullet"],
  [/^(・)(?=\S)/, "bullet"],
  [/^([-–*])[\s\u3000]+(?=\S)/, "dash"],
  [/^(\d{1,2}[.．])(?!\d)/, "numbered"],
];

/** A list-item marker at the start of `text`, if any (circled numbers are separate). */
export function matchListMarker(text: string): Marker | null {
  for (const [re, family] of LIST_PATTERNS) {
    const m = re.exec(markerText(text));
    if (m?.[1] !== undefined) return { label: m[1], family, level: family === "arrow" ? 2 : undefined };
  }
  return null;
}

/** ①…⑳, ㉑…㊿: list items in some papers, recommendation headings in others. */
export function matchCircledNumber(text: string): string | null {
  const m = /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])/.exec(markerText(text));
  return m?.[1] ?? null;
}

const COUNTER_AFTER_NUMBER = "年月日時分秒つ個回人件カヵケ国基発隻機名社%％";

const HEADING_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^(第[0-9０-９一二三四五六七八九十百]+章)/, "chapter"],
  [/^(第[0-9０-９一二三四五六七八九十百]+節)/, "section"],
  [/^(第[0-9０-９一二三四五六七八九十百]+[部編項款])/, "part"],
  [/^([（(][0-9０-９]{1,3}[）)])/, "paren"],
  [/^(【[^】]{1,30}】)/, "bracket"],
  [/^(\[[^\]]{1,30}\])$/, "bracket"],
  // "1 はじめに", "１ 日本の防衛力整備"; not "2 年間で…" (a quantity at a line start).
  [new RegExp(`^([0-9０-９]{1,2})(?=[\\s\\u3000\\u2002]+(?![\\s\\u3000\\u2002\\d０-９]|[${COUNTER_AFTER_NUMBER}](?![本米韓中露英独仏豪印])))`), "number"],
  // "1. Introduction", "2.3 Method", "III. Findings": numbered sections of Latin papers,
  // a short capitalised title without sentence punctuation after the number.
  [/^(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)(?=[ \t]+[A-Z][^.!?;:]{0,80}$)/, "decimal"],
  [/^([IVX]{1,5}\.)(?=[ \t]+[A-Z][^.!?;:]{0,80}$)/, "roman"],
  [/^([A-ZＡ-Ｚ])(?=[\s\u3000]+\S)/, "letter"],
  [/^([■◆◼▶])/, "square"],
  [/^(\u20dd)/, "ring"],
];

/** A heading number or decoration at the start of `text`, if any. */
export function matchHeadingMarker(text: string, markdown: boolean): Marker | null {
  if (markdown) {
    const md = /^(#{1,6})[ \t]+\S/.exec(text);
    if (md?.[1] !== undefined) return { label: "", family: "markdown", level: md[1].length };
  }
  for (const [re, family] of HEADING_PATTERNS) {
    const m = re.exec(text);
    if (m?.[1] !== undefined) return { label: m[1], family };
  }
  return null;
}

// Remove bracketed asides before looking for sentence punctuation in a heading:
// "（2025年3月7～8日開催、於：ホノルル）ディスカッション…" is still a heading.
function stripBrackets(text: string): string {
  return text.replace(/[（(][^（()）]*[）)]/g, "").replace(/【[^】]*】/g, "");
}

/**
 * True when `text` could be a heading: no full stop, no comma outside brackets unless
 * the line carries an explicit heading number, not ending in a comma or colon.
 */
export function isHeadingShaped(text: string, explicitMarker: boolean): boolean {
  if (text.length === 0 || /[。．]/.test(text) || /https?:\/\/|www\./.test(text)) return false;
  if (/[、，,：:;；]$/.test(text)) return false;
  // A Latin sentence ends in a full stop; headings do not ("1. Introduction" has its stop inside).
  if (/[a-z0-9)”"’]\.$/.test(text) && /[a-z]{2}/.test(text)) return false;
  if (!explicitMarker && /[、，？！?!]/.test(stripBrackets(text))) return false;
  if (/^[a-z]/.test(text)) return false;
  return !/^[\d\s０-９.．]+$/.test(text);
}

/** Remarks, cross-references and end marks: not sentences of the body. */
/** Characters a Japanese sentence cannot start with: particles, small kana, the long-vowel mark. */
export const CANNOT_START_SENTENCE = /^[をにはへでのがやるれっゃゅょんーぁぃぅぇぉ、。，．）」』]/;

export const NOTE_START = /^(参照[\s\u3000]|※|注[：:\s\u3000]|出典[：:\s\u3000]|出所[：:\s\u3000]|[（(]了[）)]$|以上$)/;
export const CAPTION_START = /^(図表|図|表|写真|Figure|Fig\.|Table)[\s\u3000]*[0-9０-９ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]/;
export const GLOSSARY_TITLE = /^(KEY[\s\u3000]*WORDS?|キーワード|用語解説)$/i;
export const PROFILE_HEADING = /プロフィール|略歴|執筆者紹介|著者紹介/;

/** An English expansion of acronyms printed next to Japanese text ("Alliance Coordination Mechanism"). */
export function isAcronymExpansion(text: string): boolean {
  if (!/^[A-Z][A-Za-z'’-]*(?:[\s,&/]+(?:[A-Z][A-Za-z'’-]*|and|of|the|for|in|on|to))+[\s,]*$/.test(text)) return false;
  return !GLOSSARY_TITLE.test(text);
}

const TRAILING_REF = /(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[。．.!?！？」』）)])\d{1,2})$/;
const SENTENCE_END = /[。．.!?！？」』）)”"’:：…〉》】]$/;

/** True when `text` ends a sentence (a trailing footnote marker does not count). */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd().replace(TRAILING_REF, "").trimEnd();
  return SENTENCE_END.test(t);
}

/** Japanese recommendation headings end in a predicate without a full stop: 「…すべきである」「…せよ」. */
export function endsLikeHeadingPredicate(text: string): boolean {
  return /(べき|である|であろう|せよ|よ|せ|を|れる|ない|たい|こと)$/.test(text.trimEnd());
}

/** The verb-final forms that end a recommendation even when the line happens to be full. */
export function endsWithStrongPredicate(text: string): boolean {
  return /(べき|べきである|せよ|たい|であろう)$/.test(text.trimEnd());
}
