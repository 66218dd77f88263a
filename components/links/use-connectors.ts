"use client";

/**
 * Measures what <Connectors> needs in the compare view: the container's size and, for each
 * link between two open panes, the first rectangle of each end's highlight and the pane's
 * visible box, all relative to the container. Re-measured (once per frame at most) when a
 * pane scrolls, the container resizes, or `links`/`panes` change.
 *
 * The compare view paints highlights with the CSS Custom Highlight API, so it passes
 * `rectOf(pane, annotationId)` — e.g. the first of `range.getClientRects()` of the
 * annotation's range — and `null` when the annotation is not painted in that pane.
 */
import { useEffect, useState, type RefObject } from "react";
import { linksBetweenPanes, type ConnectorInput, type Rect } from "@/lib/core/argument/connectors";
import type { ArgumentLink } from "@/lib/core/argument/link-schema";

export interface ConnectorPane {
  /** Left-to-right index. */
  index: number;
  /** The pane's scrolling element. */
  viewport: HTMLElement;
  /** The ids of the annotations painted in this pane. */
  annotationIds: ReadonlySet<string>;
}

export function useConnectors(opts: {
  container: RefObject<HTMLElement | null>;
  panes: readonly ConnectorPane[];
  links: readonly ArgumentLink[];
  rectOf: (pane: number, annotationId: string) => DOMRect | null;
}): { width: number; height: number; connectors: ConnectorInput[] } {
  const { container, panes, links, rectOf } = opts;
  const [state, setState] = useState<{ width: number; height: number; connectors: ConnectorInput[] }>({ width: 0, height: 0, connectors: [] });
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const origin = root.getBoundingClientRect();
      const rel = (r: DOMRect): Rect => ({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height });
      const byPane = new Map(panes.map((p) => [p.index, p]));
      const pairs = linksBetweenPanes(links, (id) => panes.filter((p) => p.annotationIds.has(id)).map((p) => p.index));
      const connectors: ConnectorInput[] = [];
      for (const pair of pairs) {
        const fromRect = rectOf(pair.from.pane, pair.from.annotationId);
        const toRect = rectOf(pair.to.pane, pair.to.annotationId);
        const fromPane = byPane.get(pair.from.pane);
        const toPane = byPane.get(pair.to.pane);
        if (!fromRect || !toRect || !fromPane || !toPane) continue;
        connectors.push({
          linkId: pair.linkId,
          relation: pair.relation,
          from: { pane: pair.from.pane, rect: rel(fromRect), viewport: rel(fromPane.viewport.getBoundingClientRect()) },
          to: { pane: pair.to.pane, rect: rel(toRect), viewport: rel(toPane.viewport.getBoundingClientRect()) },
        });
      }
      setState({ width: origin.width, height: origin.height, connectors });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    const resize = new ResizeObserver(schedule);
    resize.observe(root);
    for (const p of panes) p.viewport.addEventListener("scroll", schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      for (const p of panes) p.viewport.removeEventListener("scroll", schedule);
    };
  }, [container, panes, links, rectOf]);
  return state;
}
