import type { FindSimilarResult, LinkToTextResult } from "@/lib/core/similar/schemas";
import type { Relation } from "@/lib/core/argument/relations";
import { readAnswer } from "@/components/search/read-answer";

/** A passage of the current version of a document. */
export interface TextRange {
  documentId: string;
  start: number;
  end: number;
}

/** The top similar passages of other documents (docs/similar-passages.md); throws the error's i18n key. */
export async function fetchSimilar(workspaceId: string, range: TextRange, signal?: AbortSignal): Promise<FindSimilarResult> {
  const qs = new URLSearchParams({ document: range.documentId, start: String(range.start), end: String(range.end), limit: "10" });
  return readAnswer(await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/similar?${qs}`, { signal: signal ?? null }));
}

/** Links an annotation to any passage of text: the server creates the far-end annotation and the link in one step. */
export async function linkToText(workspaceId: string, from: { annotationId: string; documentId: string }, to: TextRange, relation: Relation, note?: string): Promise<LinkToTextResult> {
  const res = await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/links/to-text`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, to, relation, ...(note ? { note } : {}) }),
  });
  return readAnswer(res);
}
