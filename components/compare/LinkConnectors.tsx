"use client";

import { useCallback, useMemo, useSyncExternalStore, type RefObject } from "react";
import { Connectors } from "@/components/links/Connectors";
import { useConnectors, type ConnectorPane } from "@/components/links/use-connectors";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";
import type { PaneHandle } from "./pane-handle";

interface Props {
  /** The panes' container (position: relative); the overlay covers it. */
  container: RefObject<HTMLElement | null>;
  /** The open panes, left to right. */
  panes: readonly PaneHandle[];
  links: readonly ArgumentLink[];
  highlight?: string | null;
  onClick?: (linkId: string, end: "from" | "to") => void;
}

/** Connector lines between the visible panes for links whose both ends are painted in them. */
export function LinkConnectors({ container, panes, links, highlight, onClick }: Props) {
  // Re-measure when any pane's annotations change (placed, moved, deleted) or its rendered rows do.
  const subscribe = useCallback(
    (fn: () => void) => {
      const offs = panes.flatMap((p) => [p.store?.subscribe(fn) ?? (() => {}), p.painter?.subscribe(fn) ?? (() => {})]);
      return () => offs.forEach((off) => off());
    },
    [panes],
  );
  const version = useSyncExternalStore(subscribe, () => panes.map((p) => `${p.store?.version ?? -1}.${p.painter?.syncs ?? 0}`).join(","), () => "");
  const connectorPanes = useMemo<ConnectorPane[]>(
    () =>
      version === ""
        ? []
        : panes.map((p, index) => ({
            index,
            viewport: p.scroller,
            annotationIds: new Set((p.store?.list() ?? []).filter((a) => a.start !== null && a.end !== null).map((a) => a.id)),
          })),
    [panes, version],
  );
  const rectOf = useCallback(
    (index: number, annotationId: string): DOMRect | null => {
      const pane = panes[index];
      const item = pane?.store?.get(annotationId);
      if (!pane?.painter || !item || item.start === null || item.end === null) return null;
      const r = pane.painter.builder.ranges(item.start, item.end)[0];
      // Not rendered (a long text's unrendered region): the row's estimated place, off the viewport.
      if (!r) return pane.rowRect(item.start);
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.getClientRects()[0] ?? live.getBoundingClientRect();
    },
    [panes],
  );
  const { width, height, connectors } = useConnectors({ container, panes: connectorPanes, links, rectOf });
  if (panes.length < 2) return null;
  return <Connectors width={width} height={height} connectors={connectors} highlight={highlight} onClick={onClick} />;
}
