/**
 * DOM helpers of the reader: canonical offsets ↔ DOM points, the highlight painter (CSS Custom
 * Highlight API), and reading the user's selection. They know the reader's markup
 * (`data-block`, `data-start`), not Yjs: here, beside the client layer that feeds them, rather
 * than in components/, which holds React only.
 */
export { offsetAtTop, pointToCanonical, RangeBuilder, unitKeyOf } from "./dom-offsets";
export { HighlightPainter, highlightsSupported, type PaintSpec } from "./highlight-painter";
export { annotationsAtPoint, readSelection, type SelectionInfo, type TextPane } from "./read-selection";
