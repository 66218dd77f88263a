/**
 * The invariants of issue #3 as a pure checker, so tests (and import diagnostics)
 * can run them on any document: nothing lost, nothing invented, no space pushed
 * between two wide characters, offsets that round-trip, few paragraphs cut mid-sentence.
 */
import { isWideCodePoint } from "./east-asian-width";
import { rawOffsetAt } from "./offset-map";
import { circledAt } from "./prepare-input";
import type { NormalisedText } from "./types";

export interface InvariantReport {
  /** Human-readable violations; empty when all hard invariants hold. */
  errors: string[];
  paragraphs: number;
  /** Paragraphs whose last character does not end a sentence (lead-ins to lists/figures excluded). */
  midSentence: number;
  midSentenceExamples: string[];
}

const WS = /[\s\u3000\u2002\u200b]/;
const SENTENCE_END = /[。．.」』）)！？!?:：”"’…〉》】]$/;
const MAX_ERRORS = 20;

/** Checks `result` against the raw input it was made from. */
export function checkInvariants(raw: string, result: NormalisedText): InvariantReport {
  const errors: string[] = [];
  const fail = (msg: string): void => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  checkCoverage(raw, result, fail);
  checkBlocks(result, fail);
  checkWideSpaces(raw, result, fail);
  const { paragraphs, midSentence, examples } = countMidSentence(result);
  return { errors, paragraphs, midSentence, midSentenceExamples: examples };
}

// Invariants 1 and 4: every canonical character comes from its raw offset (a circled
// number may come from a digit and a stray U+20DD), no raw
// character is used twice, and every visible raw character is used or reported dropped.
function checkCoverage(raw: string, r: NormalisedText, fail: (m: string) => void): void {
  const used = new Uint8Array(raw.length + 1);
  for (const d of r.dropped) for (let k = d.rawStart; k < d.rawEnd; k++) used[k] = 1;
  for (let i = 0; i < r.text.length; i++) {
    const ch = r.text.charAt(i);
    if (WS.test(ch)) continue;
    const at = rawOffsetAt(r.offsetMap, i);
    let chunkEnd = at + 1;
    const circled = raw.charAt(at) !== ch ? circledAt(raw, at) : null;
    if (circled?.char === ch) chunkEnd = at + circled.length;
    else if (raw.charAt(at) !== ch) {
      // NFC may have composed a base and its marks: compare the composed chunk.
      while (chunkEnd < raw.length && /\p{M}/u.test(raw.charAt(chunkEnd))) chunkEnd++;
      if (raw.slice(at, chunkEnd).normalize("NFC").charAt(0) !== ch) {
        fail(`text[${i}]=${JSON.stringify(ch)} but raw[${at}]=${JSON.stringify(raw.charAt(at))}`);
        continue;
      }
    }
    if (used[at] === 1) fail(`raw[${at}]=${JSON.stringify(raw.charAt(at))} appears twice (text[${i}])`);
    for (let k = at; k < chunkEnd; k++) used[k] = 1;
  }
  for (let k = 0; k < raw.length; k++) {
    if (used[k] !== 1 && !WS.test(raw.charAt(k))) fail(`raw[${k}]=${JSON.stringify(raw.charAt(k))} lost (${JSON.stringify(raw.slice(Math.max(0, k - 10), k + 10))})`);
  }
}

// Blocks in order, not overlapping, trimmed, separated by whitespace only, and raw order
// kept inside each block (moved footnotes move as whole blocks).
function checkBlocks(r: NormalisedText, fail: (m: string) => void): void {
  let prevEnd = 0;
  r.blocks.forEach((b, n) => {
    if (b.start < prevEnd || b.end <= b.start) fail(`block ${n} [${b.start},${b.end}) overlaps or is empty`);
    if (r.text.slice(prevEnd, b.start).trim() !== "") fail(`text between blocks before block ${n}`);
    const body = r.text.slice(b.start, b.end);
    if (body !== body.trim()) fail(`block ${n} has surrounding whitespace`);
    let last = -1;
    for (let i = b.start; i < b.end; i++) {
      if (WS.test(r.text.charAt(i))) continue;
      const at = rawOffsetAt(r.offsetMap, i);
      if (at <= last) fail(`block ${n}: raw order broken at text[${i}]`);
      last = at;
    }
    prevEnd = b.end;
  });
  if (r.text.slice(prevEnd).trim() !== "") fail("text after the last block");
}

function codePointBefore(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? (s.codePointAt(i - 2) ?? c) : c;
}

// Invariant 2: a space between two wide characters must have been a space in the source.
function checkWideSpaces(raw: string, r: NormalisedText, fail: (m: string) => void): void {
  for (let i = 1; i + 1 < r.text.length; i++) {
    if (r.text[i] !== " " && r.text[i] !== "\u3000") continue;
    if (!isWideCodePoint(codePointBefore(r.text, i)) || !isWideCodePoint(r.text.codePointAt(i + 1) ?? 0)) continue;
    const from = rawOffsetAt(r.offsetMap, i - 1) + 1;
    const between = raw.slice(from, rawOffsetAt(r.offsetMap, i + 1));
    if (!/^[^\n\f]*[ \t\u3000\u2002\u00a0][^\n\f]*$/.test(between)) fail(`space inserted between wide characters at text[${i}]: ${JSON.stringify(r.text.slice(i - 5, i + 5))}`);
  }
}

// Invariant 3. A paragraph that leads into a list or figure ("その骨子は、") continues
// there by design and is not counted.
function countMidSentence(r: NormalisedText): { paragraphs: number; midSentence: number; examples: string[] } {
  let paragraphs = 0;
  let midSentence = 0;
  const examples: string[] = [];
  r.blocks.forEach((b, n) => {
    if (b.kind !== "paragraph") return;
    paragraphs++;
    const body = r.text.slice(b.start, b.end).replace(/(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[。．.」』）)])\d{1,2})$/, "");
    if (SENTENCE_END.test(body)) return;
    const next = r.blocks[n + 1]?.kind;
    if (/[、，：:]$/.test(body) && (next === "list_item" || next === "caption")) return;
    midSentence++;
    if (examples.length < 10) examples.push(body.length > 60 ? "…" + body.slice(-60) : body);
  });
  return { paragraphs, midSentence, examples };
}
