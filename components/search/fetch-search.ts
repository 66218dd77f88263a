import type { SearchKind, SearchResult } from "@/lib/core/search/schemas";
import { readAnswer } from "./read-answer";

export interface SearchRequest {
  q: string;
  documentIds?: string[];
  kinds?: SearchKind[];
  themeIds?: string[];
  authorIds?: string[];
  offset?: number;
  limit?: number;
}

/** One page of the workspace's search through the session route; throws the error's i18n key. */
export async function fetchSearch(workspaceId: string, req: SearchRequest, signal?: AbortSignal): Promise<SearchResult> {
  const qs = new URLSearchParams({ q: req.q });
  for (const d of req.documentIds ?? []) qs.append("document", d);
  for (const k of req.kinds ?? []) qs.append("kind", k);
  for (const th of req.themeIds ?? []) qs.append("theme", th);
  for (const a of req.authorIds ?? []) qs.append("author", a);
  if (req.offset) qs.set("offset", String(req.offset));
  if (req.limit) qs.set("limit", String(req.limit));
  return readAnswer(await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/search?${qs}`, { signal: signal ?? null }));
}
