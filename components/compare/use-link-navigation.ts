"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { MAX_PANES } from "@/lib/core/compare";
import type { LinkEndpoint } from "@/lib/core/argument/link-schema";
import type { PaneHandle } from "./pane-handle";
import type { FocusRef } from "./types";

interface Deps {
  panes: PaneHandle[];
  order: string[];
  /** The workspace's documents the user may open. */
  documents: readonly { id: string }[];
  focusOn(ref: FocusRef): void;
  /** Opens `documentId` in a new pane with `annotationId` as the URL's focus. */
  open(documentId: string, annotationId: string): void;
  toast(message: string): void;
}

/**
 * Following a link to its other end: focused where it is open, otherwise its document opens
 * in a pane (the URL names it as the focus) and it is focused once that pane's annotations
 * hold it.
 */
export function useLinkNavigation({ panes, order, documents, focusOn, open, toast }: Deps): (end: LinkEndpoint) => void {
  const t = useTranslations("compare");
  const [awaiting, setAwaiting] = useState<FocusRef | null>(null);
  useEffect(() => {
    if (!awaiting) return;
    const store = panes.find((p) => p.data.document.id === awaiting.documentId)?.store;
    if (!store) return;
    const check = () => {
      if (!store.get(awaiting.annotationId)) return;
      setAwaiting(null);
      focusOn(awaiting);
    };
    const off = store.subscribe(check);
    queueMicrotask(check);
    return off;
  }, [awaiting, panes, focusOn]);

  return (end) => {
    if (end.kind !== "annotation") return;
    const here = panes.find((p) => p.store?.get(end.id));
    const documentId = here?.data.document.id ?? end.documentId;
    if (!documentId) return toast(t("card.linkUnreachable"));
    const ref = { documentId, annotationId: end.id };
    if (order.includes(documentId)) focusOn(ref);
    else if (!documents.some((d) => d.id === documentId)) toast(t("card.linkUnreachable"));
    else if (order.length >= MAX_PANES) toast(t("full"));
    else {
      setAwaiting(ref);
      open(documentId, end.id);
    }
  };
}
