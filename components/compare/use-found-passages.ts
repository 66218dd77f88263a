"use client";

/**
 * Passages of the workspace that the page knows only from the server's annotation search (the
 * page loads no other documents): a link to one of them may be created and its chip shows the
 * quote while its document is not open. Filled by the link picker's searches and, so that chips
 * show quotes after a reload too, by asking once by id for the far ends of the open passages'
 * links.
 */
import { useEffect, useRef, useState } from "react";
import type { PickerCandidate } from "@/components/links/LinkPicker";
import { fetchAnnotationHits } from "@/components/links/fetch-annotation-hits";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";
import { ANNOTATION_SEARCH, type AnnotationHit } from "@/lib/core/argument/annotation-search";
import type { PaneHandle } from "./pane-handle";

/** Search hits remembered for chips and the link check; a few hundred quotes at most. */
const FOUND_MAX = 500;

export interface FoundPassages {
  /** The link picker's server search; its hits are remembered. */
  search(query: string, signal: AbortSignal): Promise<PickerCandidate[]>;
  /** A remembered passage, unless an open pane shows it deleted since. */
  get(id: string): PickerCandidate | undefined;
  /** Ids of every remembered passage still live (for the link check's catalogue). */
  ids(): string[];
}

export function useFoundPassages(workspaceId: string, panes: readonly PaneHandle[], links: readonly ArgumentLink[]): FoundPassages {
  const found = useRef(new Map<string, PickerCandidate>());
  const asked = useRef(new Set<string>());
  const [, setFarEnds] = useState(0);
  // An open document's live annotations are newer than the projection: one deleted since is not offered.
  const deletedHere = (c: PickerCandidate) => panes.some((p) => p.data.document.id === c.documentId && !!p.store?.lastKnown(c.id) && !p.store.get(c.id));
  const remember = (hits: readonly AnnotationHit[]): PickerCandidate[] => {
    const out: PickerCandidate[] = [];
    for (const h of hits) {
      const c: PickerCandidate = { id: h.id, kind: "annotation", documentId: h.documentId, documentTitle: h.documentTitle, text: h.text, authorName: h.authorName };
      if (deletedHere(c)) continue;
      // Re-inserted so that the map's order is by use and the oldest entries go first.
      found.current.delete(c.id);
      found.current.set(c.id, c);
      out.push(c);
    }
    for (const id of found.current.keys()) {
      if (found.current.size <= FOUND_MAX) break;
      found.current.delete(id);
    }
    return out;
  };

  useEffect(() => {
    const controller = new AbortController();
    let timer = 0;
    const check = () => {
      const here = new Set(panes.flatMap((p) => (p.store?.list() ?? []).map((a) => a.id)));
      const wanted = new Set<string>();
      for (const l of links) {
        if (l.deleted || l.from.kind !== "annotation" || l.to.kind !== "annotation") continue;
        for (const [near, far] of [[l.from.id, l.to.id], [l.to.id, l.from.id]] as const) {
          if (here.has(near) && !here.has(far) && !found.current.has(far) && !asked.current.has(far)) wanted.add(far);
        }
      }
      const ids = [...wanted].slice(0, ANNOTATION_SEARCH.limitMax);
      if (!ids.length) return;
      ids.forEach((id) => asked.current.add(id));
      fetchAnnotationHits(workspaceId, "", controller.signal, { ids }).then(
        (hits) => {
          remember(hits);
          setFarEnds((n) => n + 1);
        },
        () => ids.forEach((id) => asked.current.delete(id)),
      );
    };
    // Stores fill as the documents sync: look again (once a burst has settled) when they change.
    const later = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, 300);
    };
    const offs = panes.map((p) => p.store?.subscribe(later) ?? (() => {}));
    check();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
      offs.forEach((off) => off());
    };
    // `remember` and `found` are stable in effect (a ref and a function of refs and panes).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [links, panes, workspaceId]);

  return {
    search: async (query, signal) => remember(await fetchAnnotationHits(workspaceId, query, signal)),
    get: (id) => {
      const hit = found.current.get(id);
      return hit && !deletedHere(hit) ? hit : undefined;
    },
    ids: () => [...found.current.values()].filter((c) => !deletedHere(c)).map((c) => c.id),
  };
}
