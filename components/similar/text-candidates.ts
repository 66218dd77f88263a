import type { PickerCandidate, PickerSearch } from "@/components/links/LinkPicker";
import { fetchSearch } from "@/components/search/fetch-search";

/** Text hits offered next to the annotations: a few, the picker lists the best of both. */
const TEXT_HITS = 8;

/**
 * The link picker's search widened to the documents' text (#13): the annotation search as before,
 * then text hits of the workspace search (`kind=text`) as candidates of kind "text" whose range a
 * link-to-text turns into the far-end annotation in the same step.
 */
export function withTextHits(workspaceId: string, annotations: PickerSearch | undefined): PickerSearch {
  return async (query, signal) => {
    const [found, text] = await Promise.all([
      annotations ? annotations(query, signal) : Promise.resolve([]),
      query.trim()
        ? fetchSearch(workspaceId, { q: query, kinds: ["text"], limit: TEXT_HITS }, signal).then((r) => r.hits, () => [])
        : Promise.resolve([]),
    ]);
    const hits: PickerCandidate[] = text.map((h) => ({
      id: `text:${h.documentId}:${h.start}:${h.end}`,
      kind: "text",
      documentId: h.documentId,
      documentTitle: h.title,
      text: h.snippet,
      range: { start: h.start, end: h.end },
    }));
    return [...found, ...hits];
  };
}
