/**
 * Writes the canonical text: each unit's lines reflowed into one block, blocks
 * separated by "\n\n", every character recorded against its prepared offset.
 */
import type { Layout } from "./analyse-layout";
import { isArtefactSpace } from "./artefact-spaces";
import { decideLineJoin, type Lexicon } from "./decide-line-join";
import { isWideAt } from "./east-asian-width";
import { TextBuilder } from "./offset-map";
import type { Block } from "./types";
import type { Unit } from "./unit";

export interface EmittedText {
  text: string;
  runs: { canon: number[]; src: number[]; copy: number[] };
  blocks: Block[];
  /** Prepared-text ranges left out on purpose (line-end hyphens, Markdown hashes). */
  removed: { start: number; end: number; reason: string }[];
}

const WS_RUN = /[\s\u3000\u2002\u200b]+/g;
export const BLOCK_SEPARATOR = "\n\n";

/** Emits `units` (in reading order) over the prepared text `source`. */
export function emitBlocks(units: readonly Unit[], source: string, layout: Layout): EmittedText {
  const b = new TextBuilder(source);
  const blocks: Block[] = [];
  const removed: EmittedText["removed"] = [];
  const lexicon = buildLexicon(source);
  const artefacts = layout.cjk && spacedDigits(source) ? removed : null;
  for (const unit of units) {
    const first = unit.lines[0];
    if (!first) continue;
    if (blocks.length > 0) b.insert(BLOCK_SEPARATOR, first.contentStart);
    const start = b.length;
    unit.lines.forEach((line, k) => {
      const next = unit.lines[k + 1];
      const join = next ? decideLineJoin(line.text, next.text, layout.cjk, lexicon) : null;
      let from = line.contentStart;
      if (k === 0 && unit.dropPrefixEnd !== undefined) {
        removed.push({ start: from, end: unit.dropPrefixEnd, reason: "markdown_syntax" });
        from = unit.dropPrefixEnd;
      }
      const to = join?.dropHyphen ? line.contentEnd - 1 : line.contentEnd;
      if (join?.dropHyphen) removed.push({ start: to, end: line.contentEnd, reason: "hyphenation" });
      emitLine(b, source, from, to, artefacts);
      if (join?.separator) b.insert(join.separator, line.contentEnd);
    });
    const block: Block = { kind: unit.kind, start, end: b.length };
    if (unit.level !== undefined) block.level = unit.level;
    if (unit.label !== undefined) block.label = unit.label;
    block.page = unit.page;
    blocks.push(block);
  }
  const { text, canon, src, copy } = b.finish();
  return { text, runs: { canon, src, copy }, blocks, removed };
}

// Letter-spaced headings ("結 び に", "序 論") are one word: their spaces go.
function isLetterSpaced(text: string): boolean {
  const parts = text.split(/[\s\u3000\u2002]+/);
  return parts.length >= 2 && parts.every((p) => p.length === 1 && isWideAt(p, 0));
}

// The signature of the artefact: digits with a space on both sides between Japanese
// characters (「年 3 月」), seen at least twice. Without it a lone 「参照 1章」 is the author's.
function spacedDigits(source: string): boolean {
  const re = /[\u3001-\u30ff\u4e00-\u9fff\uff01-\uffef] +[0-9]+ +[\u3001-\u30ff\u4e00-\u9fff\uff01-\uffef]/g;
  return (source.match(re) ?? []).length >= 2;
}

// Latin words of the document, only when it has line-end hyphens to decide on.
function buildLexicon(source: string): Lexicon | undefined {
  if (!/[A-Za-z]-\n/.test(source)) return undefined;
  const words = new Set<string>();
  const hyphenated = new Set<string>();
  for (const m of source.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*(?!-\n)/g)) {
    const w = m[0].toLowerCase();
    (w.includes("-") ? hyphenated : words).add(w);
  }
  return { words, hyphenated };
}

// Copies one line, collapsing each inner whitespace run to a single ASCII space. In
// Japanese text (`artefacts` given) spaces that extraction put around half-width
// digits between wide characters are left out and reported.
function emitLine(b: TextBuilder, source: string, from: number, to: number, artefacts: EmittedText["removed"] | null): void {
  const text = source.slice(from, to);
  const dropSpaces = isLetterSpaced(text);
  let at = 0;
  for (const m of text.matchAll(WS_RUN)) {
    b.copy(from + at, from + m.index);
    if (artefacts && isArtefactSpace(text, m.index, m.index + m[0].length)) {
      artefacts.push({ start: from + m.index, end: from + m.index + m[0].length, reason: "extraction_space" });
    } else if (!dropSpaces) {
      if (m[0] === " ") b.copy(from + m.index, from + m.index + 1);
      else b.insert(" ", from + m.index);
    }
    at = m.index + m[0].length;
  }
  b.copy(from + at, to);
}
