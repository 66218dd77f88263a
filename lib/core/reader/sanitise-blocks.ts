import type { Block, BlockKind, FootnoteRef } from "../text/types";

const KINDS: ReadonlySet<string> = new Set<BlockKind>(["heading", "paragraph", "list_item", "footnote", "caption", "glossary", "note"]);

function isOffset(n: unknown, max: number): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max;
}

function positiveInt(n: unknown): number | undefined {
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * Turns the stored `blocks` JSON of a version into well-formed blocks for the reader.
 *
 * Stored versions are immutable and were written by the import pipeline, but the
 * column is untyped JSON: a block out of range or out of order would make the reader
 * render text twice or throw, so such blocks are skipped rather than trusted. Footnote
 * references are kept only when they lie inside their block, in order, and a
 * `footnoteBlock` only when it points at a footnote block (indices are remapped when
 * blocks were skipped).
 */
export function sanitiseBlocks(raw: unknown, textLength: number): Block[] {
  if (!Array.isArray(raw)) return [];
  const kept: { block: Block; rawRefs: unknown }[] = [];
  const newIndex = new Map<number, number>();
  let previousEnd = 0;
  raw.forEach((item: unknown, i) => {
    if (typeof item !== "object" || item === null) return;
    const b = item as Record<string, unknown>;
    if (typeof b.kind !== "string" || !KINDS.has(b.kind)) return;
    if (!isOffset(b.start, textLength) || !isOffset(b.end, textLength) || b.end < b.start || b.start < previousEnd) return;
    previousEnd = b.end;
    const block: Block = { kind: b.kind as BlockKind, start: b.start, end: b.end };
    const level = positiveInt(b.level);
    if (level !== undefined) block.level = level;
    const page = positiveInt(b.page);
    if (page !== undefined) block.page = page;
    if (typeof b.label === "string" && b.label.length > 0) block.label = b.label;
    const ocr = b.ocr as { confidence?: unknown } | undefined;
    if (typeof ocr === "object" && ocr !== null && typeof ocr.confidence === "number" && ocr.confidence >= 0 && ocr.confidence <= 100) {
      block.ocr = { confidence: Math.round(ocr.confidence) };
    }
    newIndex.set(i, kept.length);
    kept.push({ block, rawRefs: b.footnoteRefs });
  });
  for (const { block, rawRefs } of kept) {
    if (!Array.isArray(rawRefs)) continue;
    const refs: FootnoteRef[] = [];
    let cursor = block.start;
    for (const r of rawRefs as unknown[]) {
      if (typeof r !== "object" || r === null) continue;
      const ref = r as Record<string, unknown>;
      if (!isOffset(ref.start, block.end) || !isOffset(ref.end, block.end) || ref.start < cursor || ref.end <= ref.start) continue;
      cursor = ref.end;
      const out: FootnoteRef = { marker: typeof ref.marker === "string" ? ref.marker : "", start: ref.start, end: ref.end };
      const target = typeof ref.footnoteBlock === "number" ? newIndex.get(ref.footnoteBlock) : undefined;
      if (target !== undefined && kept[target]?.block.kind === "footnote") out.footnoteBlock = target;
      refs.push(out);
    }
    if (refs.length > 0) block.footnoteRefs = refs;
  }
  return kept.map((k) => k.block);
}
