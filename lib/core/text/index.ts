/**
 * Canonical text model: import-time normalisation of extracted text (pure).
 */
export type { Block, BlockKind, DroppedSpan, FootnoteRef, NormaliseOptions, NormalisedText, RawInput } from "./types";
export { type OffsetMap, rawOffsetAt, serialiseOffsetMap, deserialiseOffsetMap, canonicalRangeOf } from "./offset-map";
export { normaliseText, PAGE_SEPARATOR } from "./normalise-text";
export { decodeBytes, type DecodedText } from "./decode-bytes";
export { detectLanguage } from "./detect-language";
export { decideLineJoin } from "./decide-line-join";
export { checkInvariants, type InvariantReport } from "./check-invariants";
export { buildImportReport, type ImportReport, type ReportWarning } from "./build-report";
