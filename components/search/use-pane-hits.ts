"use client";

import { useEffect, useState } from "react";
import type { PaneHandle } from "@/components/compare/pane-handle";
import { SEARCH_PAGE } from "@/lib/core/search/schemas";
import { fetchSearch } from "./fetch-search";

/** One hit of the query in an open pane: canonical offsets of the pane's current version. */
export interface PaneHit {
  documentId: string;
  start: number;
  end: number;
}

/** Enough to step through; a query matching more (「の」) marks the first ones. */
const HITS_MAX = 500;

/**
 * Every text hit of `q` in each open pane's document, in pane order then text order. Fetched
 * again when the set of open documents changes; hits of another version than the pane's are
 * dropped (the pane's offsets would not match them).
 */
export function usePaneHits(workspaceId: string, q: string, panes: readonly PaneHandle[]): PaneHit[] {
  const [byDoc, setByDoc] = useState<Map<string, PaneHit[]>>(() => new Map());
  const key = panes.map((p) => `${p.data.document.id}:${p.data.version.id}`).join(",");
  useEffect(() => {
    if (!q.trim() || !key) return;
    const controller = new AbortController();
    const load = async (documentId: string, versionId: string): Promise<PaneHit[]> => {
      const out: PaneHit[] = [];
      let offset: number | null = 0;
      while (offset !== null && out.length < HITS_MAX) {
        const r = await fetchSearch(workspaceId, { q, documentIds: [documentId], kinds: ["text"], offset, limit: SEARCH_PAGE.limitMax }, controller.signal);
        for (const h of r.hits) if (h.versionId === versionId) out.push({ documentId, start: h.start, end: h.end });
        offset = r.nextOffset;
      }
      return out;
    };
    const docs = key.split(",").map((k) => k.split(":") as [string, string]);
    Promise.all(docs.map(([d, v]) => load(d, v).then((hits) => [d, hits] as const))).then(
      (entries) => setByDoc(new Map(entries)),
      () => {},
    );
    return () => controller.abort();
  }, [workspaceId, q, key]);
  return panes.flatMap((p) => byDoc.get(p.data.document.id) ?? []);
}
