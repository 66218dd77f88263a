/**
 * Passage units: the paragraph-sized pieces of a document that similarity compares and returns.
 * A unit is a range of the canonical text (UTF-16 code units), so a result opens at its place.
 * Paragraphs, list items, footnotes, captions and notes become units; headings do not (they are
 * a few words, and they are what a result shows as its heading path). Long blocks are cut at
 * sentence ends so that a 3,000-character paragraph does not win on sheer size; runs of short
 * blocks (list items of a few words) are joined so that each unit has enough text to compare.
 */
import type { Block } from "../text/types";

export const UNIT_LIMITS = {
  /** A block longer than this is cut into pieces of about `target` code units. */
  max: 480,
  target: 320,
  /** A unit shorter than this is joined with the next block of the same section. */
  min: 40,
  /** Heading texts in a heading path are cut to this many code units. */
  headingMax: 60,
} as const;

export interface PassageUnit {
  start: number;
  end: number;
  /** The headings above the unit, outermost first. */
  headingPath: string[];
  /** 1-based page of the unit's first block, when the source had pages. */
  page: number | null;
}

const SENTENCE_END = /[。！？!?．.」』)）]/u;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Cuts [start, end) into pieces of about `target`, each ending at a sentence end when one is near. */
function cutLong(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  while (end - from > UNIT_LIMITS.max) {
    let cut = -1;
    for (let i = Math.min(end, from + UNIT_LIMITS.max) - 1; i >= from + UNIT_LIMITS.target / 2; i--) {
      if (SENTENCE_END.test(text[i]!)) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) cut = from + UNIT_LIMITS.target;
    if (isLow(text.charCodeAt(cut))) cut += 1;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}

/** Blocks of a text that has none recorded (plain test documents): one per blank-line paragraph. */
function paragraphsOf(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ kind: "paragraph", start: m.index, end: m.index + m[0].length });
  return blocks;
}

/** The passage units of one document version's text and blocks, in text order. */
export function passageUnits(text: string, blocks: readonly Block[]): PassageUnit[] {
  const source = blocks.length ? blocks : paragraphsOf(text);
  const units: PassageUnit[] = [];
  const headings: { level: number; text: string }[] = [];
  let pending: PassageUnit | null = null;
  const flush = () => {
    if (pending && text.slice(pending.start, pending.end).trim()) {
      for (const [start, end] of cutLong(text, pending.start, pending.end)) units.push({ ...pending, start, end });
    }
    pending = null;
  };
  for (const b of source) {
    if (b.start < 0 || b.end > text.length || b.end <= b.start) continue;
    if (b.kind === "heading") {
      flush();
      const level = b.level ?? 1;
      while (headings.length && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, text: text.slice(b.start, b.end).trim().slice(0, UNIT_LIMITS.headingMax) });
      continue;
    }
    if (pending && pending.end - pending.start < UNIT_LIMITS.min) {
      pending.end = b.end;
      continue;
    }
    flush();
    pending = { start: b.start, end: b.end, headingPath: headings.map((h) => h.text), page: b.page ?? null };
  }
  flush();
  return units;
}
