import type { Block } from "../text/types";

/** A footnote marker in the text: the block it is in and its index among that block's references. */
export interface MarkerRef {
  block: number;
  ref: number;
  marker: string;
}

/**
 * For every footnote block, the markers that point at it, in text order: the way
 * back from a footnote to where it is cited (usually one marker; "同上" notes of
 * some papers are cited more than once).
 */
export function footnoteBacklinks(blocks: readonly Block[]): Map<number, MarkerRef[]> {
  const out = new Map<number, MarkerRef[]>();
  blocks.forEach((b, i) => {
    (b.footnoteRefs ?? []).forEach((r, j) => {
      if (r.footnoteBlock === undefined || blocks[r.footnoteBlock]?.kind !== "footnote") return;
      const list = out.get(r.footnoteBlock) ?? [];
      list.push({ block: i, ref: j, marker: r.marker });
      out.set(r.footnoteBlock, list);
    });
  });
  return out;
}

/**
 * Element ids of the reader. A prefix keeps them unique when several readers share
 * a page (the compare view's panes).
 */
export const readerIds = {
  block: (prefix: string, block: number) => `${prefix}b${block}`,
  marker: (prefix: string, block: number, ref: number) => `${prefix}r${block}-${ref}`,
};
