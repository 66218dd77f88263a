/**
 * The reader of one document version (pure): view types, outline, layout, footnote
 * links and the mapping between rendered and canonical offsets.
 */
export type { DocumentMetaView, DocumentView, VersionSummary, VersionView } from "./view";
export { sanitiseBlocks } from "./sanitise-blocks";
export { segmentBlock, plainTextOf, splitLastChar, type Segment } from "./segment-block";
export { toCanonical, toRendered, segmentToCanonical, canonicalToSegment, blockIndexAt } from "./map-offsets";
export { buildOutline, headingRank, type OutlineNode } from "./build-outline";
export { layoutBlocks, pageBreaks, type LayoutItem } from "./layout-blocks";
export { footnoteBacklinks, readerIds, type MarkerRef } from "./footnote-links";
export { buildRows, isLongText, splitBlock, rowOfOffset, firstUnitEndingAfter, estimateRowHeight, unitKey, PIECE_STRIDE, PIECE_CHARS, type RowModel, type VirtualRow, type TextUnit, type TextMetrics } from "./virtual-rows";
