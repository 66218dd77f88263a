/**
 * Bytes of an uploaded text file → string. Unicode with a BOM, strict UTF-8, else the
 * better of Shift_JIS and EUC-JP (the legacy encodings Japanese papers still come in).
 * Binary files are refused with a message a user can act on.
 */
import { AppError } from "../errors";

export interface DecodedText {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "shift_jis" | "euc-jp";
  warnings: string[];
}

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ["a PDF", [0x25, 0x50, 0x44, 0x46]],
  ["a ZIP archive (or DOCX/XLSX)", [0x50, 0x4b, 0x03, 0x04]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["an old Word/Excel document", [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function refuse(what: string): never {
  // The message is an i18n key (errors.import_binary_as_text); `what` says in English what the bytes look like.
  throw new AppError("unsupported_media", "import_binary_as_text", { details: { reason: "binary", what } });
}

function decode(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\ufffd"); i >= 0; i = s.indexOf("\ufffd", i + 1)) n++;
  return n;
}

/** Decodes `bytes` (see module comment); throws AppError("unsupported_media") for binary content. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const warnings: string[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return unicode16("utf-16le", bytes.subarray(2), warnings);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return unicode16("utf-16be", bytes.subarray(2), warnings);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (!hasBom) {
    for (const [what, sig] of SIGNATURES) if (startsWith(bytes, sig)) refuse(what);
    const nulls = countNulls(bytes);
    if (nulls > 0) {
      const guess = guessBomlessUtf16(bytes);
      if (guess) return unicode16(guess, bytes, ["No byte-order mark: decoded as " + guess.toUpperCase() + " from the NUL-byte pattern."]);
      refuse(`${nulls} NUL byte(s)`);
    }
    if (controlRatio(bytes) > 0.01) refuse("too many control bytes");
  }
  const utf8 = decode("utf-8", body, true);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", warnings };
  if (hasBom) {
    const lossy = decode("utf-8", body, false) ?? "";
    warnings.push(`${countReplacement(lossy)} invalid UTF-8 sequence(s) replaced with U+FFFD.`);
    return { text: lossy, encoding: "utf-8", warnings };
  }
  return decodeLegacyJapanese(body, warnings);
}

function unicode16(encoding: "utf-16le" | "utf-16be", bytes: Uint8Array, warnings: string[]): DecodedText {
  const strict = decode(encoding, bytes, true);
  if (strict !== null) return { text: strict, encoding, warnings };
  const lossy = decode(encoding, bytes, false) ?? "";
  warnings.push(`${countReplacement(lossy)} invalid ${encoding.toUpperCase()} sequence(s) (lone surrogates or an odd byte) replaced with U+FFFD.`);
  return { text: lossy, encoding, warnings };
}

function countNulls(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}

// UTF-16 text without a BOM has NULs in every other byte for ASCII; binary has them anywhere.
function guessBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = bytes.length / 2;
  if (odd >= pairs * 0.3 && even === 0) return "utf-16le";
  if (even >= pairs * 0.3 && odd === 0) return "utf-16be";
  return null;
}

function controlRatio(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) n++;
  return bytes.length === 0 ? 0 : n / bytes.length;
}

// Both decoders accept many byte strings; prefer the reading with more ordinary
// Japanese (kana, common kanji, ASCII) and fewer half-width kana or unmapped characters.
function decodeLegacyJapanese(bytes: Uint8Array, warnings: string[]): DecodedText {
  const sjis = decode("shift_jis", bytes, true);
  const euc = decode("euc-jp", bytes, true);
  const score = (s: string | null): number => (s === null ? Number.NEGATIVE_INFINITY : plausibility(s));
  if (sjis !== null || euc !== null) {
    const useSjis = score(sjis) >= score(euc);
    const text = (useSjis ? sjis : euc) ?? "";
    if (sjis !== null && euc !== null) warnings.push(`Encoding guessed as ${useSjis ? "Shift_JIS" : "EUC-JP"} (both decode).`);
    return { text, encoding: useSjis ? "shift_jis" : "euc-jp", warnings };
  }
  const lossy = decode("utf-8", bytes, false) ?? "";
  warnings.push(`Not valid UTF-8, Shift_JIS or EUC-JP: decoded as UTF-8 with ${countReplacement(lossy)} U+FFFD replacement(s).`);
  return { text: lossy, encoding: "utf-8", warnings };
}

function plausibility(s: string): number {
  let score = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x3041 && c <= 0x30ff) || (c >= 0x3000 && c <= 0x303f)) score += 2;
    else if (c >= 0x4e00 && c <= 0x9fff) score += 1;
    else if (c < 0x80) score += 0.5;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 2; // half-width kana: rare in real text
    else if ((c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) score -= 3;
  }
  return score / Math.max(1, s.length);
}
