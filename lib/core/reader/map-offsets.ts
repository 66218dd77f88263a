import type { Block } from "../text/types";
import type { Segment } from "./segment-block";

/**
 * Offsets between the rendered reader and the canonical text.
 *
 * The reader renders every block as one element whose text content is exactly
 * `text.slice(block.start, block.end)` (footnote markers included, as links), so an
 * offset inside the block's rendered text and a canonical offset differ by
 * `block.start`. These helpers are the one place that says so; the annotation layer
 * uses them with a DOM Range's (text node, offset) after summing the lengths of the
 * text nodes before it in the block element.
 */

/** Canonical offset of `offset` code units into the rendered text of `block` (clamped to the block). */
export function toCanonical(block: Block, offset: number): number {
  return block.start + Math.min(Math.max(offset, 0), block.end - block.start);
}

/** Offset inside the rendered text of `block` of canonical offset `canonical`, or null when outside it. */
export function toRendered(block: Block, canonical: number): number | null {
  if (canonical < block.start || canonical > block.end) return null;
  return canonical - block.start;
}

/** Canonical offset of `offset` code units into segment `index` (a text node or a marker link's text). */
export function segmentToCanonical(segments: readonly Segment[], index: number, offset: number): number {
  const seg = segments[index];
  if (!seg) throw new RangeError(`no segment ${index}`);
  return seg.start + Math.min(Math.max(offset, 0), seg.end - seg.start);
}

/**
 * The segment holding canonical offset `canonical` and the offset inside it. A
 * boundary between two segments belongs to the later one (the start of a marker),
 * except at the very end of the block.
 */
export function canonicalToSegment(segments: readonly Segment[], canonical: number): { index: number; offset: number } | null {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (canonical >= s.start && (canonical < s.end || (i === segments.length - 1 && canonical === s.end))) return { index: i, offset: canonical - s.start };
  }
  return null;
}

/**
 * Index of the block that contains canonical offset `canonical` (binary search over
 * ordered blocks); offsets in the "\n\n" between blocks belong to no block (null).
 */
export function blockIndexAt(blocks: readonly Block[], canonical: number): number | null {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (canonical < b.start) hi = mid - 1;
    else if (canonical > b.end) lo = mid + 1;
    else if (canonical === b.end && mid + 1 < blocks.length && blocks[mid + 1]!.start === canonical) lo = mid + 1;
    else return mid;
  }
  return null;
}
