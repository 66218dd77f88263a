import { serialiseOffsetMap } from "../../core/text";
import type { DocumentContent } from "../documents/create-document";
import type { ExtractedSource } from "./extract-source";

/** What a document version stores of an extracted source. */
export function contentOf(src: ExtractedSource): DocumentContent {
  return {
    text: src.normalised.text,
    blocks: src.normalised.blocks,
    dropped: src.normalised.dropped.map((d) => ({ text: d.text, reason: d.reason, rawStart: d.rawStart, rawEnd: d.rawEnd })),
    warnings: src.normalised.warnings,
    rawText: src.raw,
    offsetMap: serialiseOffsetMap(src.normalised.offsetMap),
  };
}
