import type * as Y from "yjs";
import { listReplies, noteFirstLines, observeAnnotations, observeReplies } from "@/lib/collab/model";
import type { StoreKind } from "./observed-store";

/** Each annotation's note, first line only (the annotation list shows it under the quote). */
export const NOTE_LINES: StoreKind<Y.Doc, ReadonlyMap<string, string>> = { observe: observeAnnotations, read: (doc) => noteFirstLines(doc) };

/** How many live (not deleted) replies each annotation of a discussion doc has. */
export const REPLY_COUNTS: StoreKind<Y.Doc, ReadonlyMap<string, number>> = {
  observe: observeReplies,
  read(doc) {
    const counts = new Map<string, number>();
    for (const r of listReplies(doc)) if (!r.deleted) counts.set(r.annotationId, (counts.get(r.annotationId) ?? 0) + 1);
    return counts;
  },
};
