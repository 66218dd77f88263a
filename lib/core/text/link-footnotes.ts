/**
 * Finds footnote markers in the canonical text and links them to footnote blocks.
 * Superscript markers (¹²³) always count; plain digits right after a full stop
 * ("…示している。1 ", "…coordination.1 ") count when a footnote with that number exists,
 * since some extractions lose the superscript formatting.
 */
import { SUPERSCRIPT_RUN, superscriptToDigits } from "./block-markers";
import type { Block, FootnoteRef } from "./types";

// Latin text: "…coordination.12 The" or "…argue12 that" (a digit run glued to a word or its stop).
const PLAIN_REF_LATIN = /(?<=[a-z][.,;:)”"’]?)(\d{1,2})(?=\s|$)/g;
const PLAIN_REF = /(?<=[。．」』）)])(\d{1,2})(?=\s(?![年月日時分秒つ個回人件カヵケ国基発隻機名社%％])|$)/g;

/** Adds `footnoteRefs` to blocks in place; returns markers that found no footnote. */
export function linkFootnotes(text: string, blocks: Block[], cjk: boolean): string[] {
  const footnotes = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    if (b.kind === "footnote" && b.label !== undefined) footnotes.set(b.label, [...(footnotes.get(b.label) ?? []), i]);
  });
  const unresolved: string[] = [];
  const usedPlain = new Set<string>();
  // Papers that print superscript markers number their notes that way throughout.
  const hasSuperscripts = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text);
  blocks.forEach((block, index) => {
    if (block.kind === "footnote") return;
    const body = text.slice(block.start, block.end);
    const refs: FootnoteRef[] = [];
    for (const m of body.matchAll(SUPERSCRIPT_RUN)) {
      const marker = superscriptToDigits(m[0]);
      const ref: FootnoteRef = { marker, start: block.start + m.index, end: block.start + m.index + m[0].length };
      const target = pickFootnote(footnotes.get(marker), index);
      if (target !== undefined) ref.footnoteBlock = target;
      else unresolved.push(m[0]);
      refs.push(ref);
    }
    if (footnotes.size > 0 && !hasSuperscripts) {
      for (const m of body.matchAll(cjk ? PLAIN_REF : PLAIN_REF_LATIN)) {
        const marker = m[1] ?? "";
        // Each plain-digit footnote is referenced once; a second "。3 " is a number.
        if (!footnotes.has(marker) || usedPlain.has(marker)) continue;
        usedPlain.add(marker);
        const ref: FootnoteRef = { marker, start: block.start + m.index, end: block.start + m.index + marker.length };
        const target = pickFootnote(footnotes.get(marker), index);
        if (target !== undefined) ref.footnoteBlock = target;
        refs.push(ref);
      }
    }
    if (refs.length > 0) block.footnoteRefs = refs.sort((a, b) => a.start - b.start);
  });
  return unresolved;
}

// Footnote numbers restart in some papers: take the first body after the reference,
// else the last one before it.
function pickFootnote(candidates: number[] | undefined, refBlock: number): number | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  return candidates.find((i) => i > refBlock) ?? candidates[candidates.length - 1];
}
