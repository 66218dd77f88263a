/**
 * Cuts a text into the pieces the index stores. Each chunk owns a range of the source
 * (together they partition it) and carries an overlap of the text after it, so that a hit
 * across a chunk border (a phrase across two paragraphs, or across a cut in a long one) is
 * still inside one chunk; the hit belongs to the chunk where it starts, which counts it once.
 */
import type { Block } from "../text/types";
import { plainTextOf } from "../reader/segment-block";

export const CHUNK_LIMITS = {
  /** Longest owned range (UTF-16 code units); a longer block is cut, preferably after a sentence. */
  maxOwn: 600,
  /** Text after the owned range that a chunk also holds: the longest phrase found across a border. */
  overlap: 120,
} as const;

export interface TextChunk {
  seq: number;
  /** Source offset of `text`. */
  start: number;
  /** Owned length: hits at relative offsets ≥ ownEnd belong to the next chunk. */
  ownEnd: number;
  text: string;
  headingPath: string[];
  page: number | null;
}

const SENTENCE_END = /[。．.!?！？」』\n]/u;

/** Does not cut a surrogate pair. */
function safeCut(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff && at > 0 ? at - 1 : at;
}

/** Cut points inside [start, end): every `maxOwn` units, moved back to a sentence end when one is near. */
function cuts(text: string, start: number, end: number): number[] {
  const out: number[] = [];
  let at = start;
  while (end - at > CHUNK_LIMITS.maxOwn) {
    let cut = at + CHUNK_LIMITS.maxOwn;
    for (let k = cut; k > cut - 150; k--) {
      if (SENTENCE_END.test(text[k - 1] ?? "")) {
        cut = k;
        break;
      }
    }
    cut = safeCut(text, cut);
    out.push(cut);
    at = cut;
  }
  return out;
}

function chunkAt(text: string, seq: number, start: number, end: number, headingPath: string[], page: number | null): TextChunk {
  const stop = safeCut(text, Math.min(text.length, end + CHUNK_LIMITS.overlap));
  return { seq, start, ownEnd: end - start, text: text.slice(start, Math.max(stop, end)), headingPath, page };
}

/** Chunks of a plain text (a quote, a note, a reply). */
export function chunkPlain(text: string): TextChunk[] {
  if (!text) return [];
  const bounds = [0, ...cuts(text, 0, text.length), text.length];
  return bounds.slice(0, -1).map((s, i) => chunkAt(text, i, s, bounds[i + 1]!, [], null));
}

/**
 * Chunks of a document version: one per block (the text between blocks goes with the block
 * before it), long blocks cut; each with the heading path and page of its block. Heading paths
 * nest headings by level like the outline (lib/core/reader/build-outline.ts).
 */
export function chunkDocument(text: string, blocks: readonly Block[]): TextChunk[] {
  if (!text) return [];
  const starts = blocks.map((b) => b.start).filter((s, i, a) => s >= 0 && s < text.length && (i === 0 || s > a[i - 1]!));
  if (starts.length === 0 || blocks.length === 0) return chunkPlain(text);
  const out: TextChunk[] = [];
  const stack: { level: number; title: string }[] = [];
  let lead = 0;
  const first = blocks[0]!.start;
  if (first > 0) for (const c of chunkPlain(text.slice(0, first))) out.push({ ...c, seq: out.length });
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.start < lead || b.start >= text.length) continue;
    const end = i + 1 < blocks.length ? Math.max(b.start, Math.min(text.length, blocks[i + 1]!.start)) : text.length;
    if (b.kind === "heading") {
      const level = b.level ?? 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: plainTextOf(text, b).slice(0, 200) });
    }
    const path = stack.map((h) => h.title);
    const bounds = [b.start, ...cuts(text, b.start, end), end];
    for (let k = 0; k + 1 < bounds.length; k++) if (bounds[k + 1]! > bounds[k]!) out.push(chunkAt(text, out.length, bounds[k]!, bounds[k + 1]!, path, b.page ?? null));
    lead = end;
  }
  return out;
}
