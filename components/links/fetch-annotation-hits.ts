import { ANNOTATION_SEARCH, annotationHitsSchema, type AnnotationHit } from "@/lib/core/argument/annotation-search";

/**
 * Asks the server for the workspace's annotations matching `query` (GET …/annotations/search),
 * or with `ids`, for those annotations.
 * Rejects with the server's error key (or "generic") so the picker can say the search failed,
 * and with the AbortError of `signal` when a newer query made this one stale.
 */
export async function fetchAnnotationHits(workspaceId: string, query: string, signal: AbortSignal, opts: { documentId?: string; limit?: number; ids?: readonly string[] } = {}): Promise<AnnotationHit[]> {
  const params = new URLSearchParams({ q: query, limit: String(opts.limit ?? ANNOTATION_SEARCH.limitDefault) });
  if (opts.documentId) params.set("document", opts.documentId);
  if (opts.ids) params.set("ids", opts.ids.join(","));
  const res = await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/annotations/search?${params}`, { signal, cache: "no-store" });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const key = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new Error(typeof key === "string" ? key : "generic");
  }
  // The response is parsed, not trusted: a proxy's error page must not reach the list as data.
  const hits = annotationHitsSchema.safeParse(body);
  if (!hits.success) throw new Error("generic");
  return hits.data;
}
