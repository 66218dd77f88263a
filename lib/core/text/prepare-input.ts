/**
 * First pass over the raw input: newline unification, control characters out,
 * lone surrogates repaired, NFC once. Everything later works on the prepared string
 * and maps back to the raw input through `toRaw`.
 */
import type { DroppedSpan } from "./types";

export interface PreparedInput {
  /** Cleaned NFC text; "\n" line breaks, "\f" page breaks. */
  text: string;
  /** Raw offset of each prepared offset; one extra entry for the end. */
  toRaw: Int32Array;
  dropped: DroppedSpan[];
  warnings: string[];
}

// Characters the first pass has to touch at all; most inputs have none.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_CLEANING = /[\r\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]/;
const MARK_CHUNK = /[^\p{M}\u1160-\u11ff][\p{M}\u1160-\u11ff]*|[\p{M}\u1160-\u11ff]+/gsu;

function identityMap(length: number): Int32Array {
  const map = new Int32Array(length + 1);
  for (let i = 0; i <= length; i++) map[i] = i;
  return map;
}

/** Cleans `raw` (see module comment). Pure; never throws on odd input. */
export function prepareInput(raw: string): PreparedInput {
  const dropped: DroppedSpan[] = [];
  const warnings: string[] = [];
  let text = raw;
  let toRaw = identityMap(raw.length);
  if (NEEDS_CLEANING.test(raw)) ({ text, toRaw } = cleanCharacters(raw, dropped, warnings));
  const nfc = text.normalize("NFC");
  if (nfc !== text) {
    const composed = composeNfc(text, toRaw);
    if (composed.text !== nfc) warnings.push("NFC normalisation changed text across character boundaries; offsets there are approximate.");
    text = composed.text;
    toRaw = composed.toRaw;
  }
  if (text.includes("\u20dd")) ({ text, toRaw } = composeCircledNumbers(text, toRaw));
  return { text, toRaw, dropped, warnings };
}

/**
 * A digit with a stray combining circle (U+20DD) next to it, as PDF extraction leaves
 * ①…⑳: the circled number back, at the length of the match (the index of the
 * circled character, or null).
 */
export function circledAt(s: string, at: number): { char: string; length: number } | null {
  const m = /^(?:([1-9]|1[0-9]|20)\u20dd|\u20dd([1-9]|1[0-9]|20)(?![0-9]))/.exec(s.slice(at, at + 4));
  if (!m) return null;
  const n = Number(m[1] ?? m[2]);
  return { char: String.fromCharCode(0x2460 + n - 1), length: m[0].length };
}

function composeCircledNumbers(text: string, toRaw: Int32Array): { text: string; toRaw: Int32Array } {
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    // A digit that belongs to a longer number ("12⃝" is ⑫, "2025⃝" is left alone).
    const c = /^(?:[0-9]|\u20dd)$/.test(text[i] ?? "") && !/[0-9]/.test(text[i - 1] ?? "") ? circledAt(text, i) : null;
    if (c) {
      out.push(c.char);
      map.push(toRaw[i] ?? 0);
      i += c.length - 1;
      continue;
    }
    out.push(text[i] ?? "");
    map.push(toRaw[i] ?? 0);
  }
  map.push(toRaw[text.length] ?? text.length);
  return { text: out.join(""), toRaw: Int32Array.from(map) };
}

function cleanCharacters(raw: string, dropped: DroppedSpan[], warnings: string[]): { text: string; toRaw: Int32Array } {
  const out: string[] = [];
  const map: number[] = [];
  let surrogates = 0;
  let controls = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d) {
      // CRLF → LF (the LF keeps its own offset); a lone CR is a line break too.
      if (raw.charCodeAt(i + 1) === 0x0a) continue;
      out.push("\n");
      map.push(i);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(raw.slice(i, i + 2));
        map.push(i, i + 1);
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      surrogates++;
      out.push("\ufffd");
      map.push(i);
      continue;
    }
    const isControl = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || (c >= 0x7f && c <= 0x9f);
    if (isControl || c === 0xfeff) {
      if (isControl) controls++;
      dropped.push({ text: raw[i] ?? "", reason: c === 0xfeff ? "byte_order_mark" : "control_char", rawStart: i, rawEnd: i + 1 });
      continue;
    }
    out.push(raw[i] ?? "");
    map.push(i);
  }
  map.push(raw.length);
  if (surrogates > 0) warnings.push(`${surrogates} lone UTF-16 surrogate(s) replaced with U+FFFD.`);
  if (controls > 0) warnings.push(`${controls} control character(s) dropped.`);
  return { text: out.join(""), toRaw: Int32Array.from(map) };
}

// NFC chunk by chunk (a base character with its combining marks) so that every output
// character still knows where it came from; a chunk that changes length maps to its start.
function composeNfc(text: string, toRaw: Int32Array): { text: string; toRaw: Int32Array } {
  const out: string[] = [];
  const map: number[] = [];
  for (const m of text.matchAll(MARK_CHUNK)) {
    const chunk = m[0];
    const at = m.index;
    const n = chunk.normalize("NFC");
    out.push(n);
    if (n.length === chunk.length) for (let j = 0; j < n.length; j++) map.push(toRaw[at + j] ?? 0);
    else for (let j = 0; j < n.length; j++) map.push(toRaw[at] ?? 0);
  }
  map.push(toRaw[text.length] ?? text.length);
  return { text: out.join(""), toRaw: Int32Array.from(map) };
}
