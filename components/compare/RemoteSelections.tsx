"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { HighlightPainter } from "@/lib/collab/client/dom";
import type { PeerState } from "@/lib/collab/client";
import s from "./compare.module.css";

interface Tag {
  key: number;
  name: string;
  color: string;
  top: number;
  left: number;
}

/**
 * Other people's selections in this pane: painted as highlights in their colour (from the
 * canonical offsets their awareness carries, so layout differences between screens do not
 * matter) with a small name tag at the end of each selection.
 */
export function RemoteSelections({ peers, painter, versionId, scroller }: { peers: PeerState[]; painter: HighlightPainter; versionId: string; scroller: React.RefObject<HTMLDivElement | null> }) {
  const t = useTranslations("compare.presence");
  const [tags, setTags] = useState<Tag[]>([]);
  useEffect(() => {
    const mine = peers.filter((p) => p.selection && p.selection.versionId === versionId);
    painter.setSelections(mine.map((p) => ({ colour: p.user.color, start: p.selection!.start, end: p.selection!.end })));
    const place = () => {
      const box = scroller.current;
      if (!box) return;
      const base = box.getBoundingClientRect();
      const next: Tag[] = [];
      for (const p of mine) {
        const ranges = painter.builder.ranges(p.selection!.start, p.selection!.end);
        const last = ranges[ranges.length - 1];
        if (!last) continue;
        const live = document.createRange();
        live.setStart(last.startContainer, last.startOffset);
        live.setEnd(last.endContainer, last.endOffset);
        const rects = live.getClientRects();
        const r = rects[rects.length - 1];
        if (!r) continue;
        next.push({ key: p.clientId, name: p.user.name, color: p.user.color, top: r.top - base.top + box.scrollTop - 18, left: Math.max(0, r.right - base.left + box.scrollLeft - 4) });
      }
      setTags(next);
    };
    place();
    const ro = new ResizeObserver(place);
    if (scroller.current) ro.observe(scroller.current);
    // A long text's rows come and go as it scrolls: a tag appears with its passage.
    const off = painter.subscribe(place);
    return () => {
      ro.disconnect();
      off();
    };
  }, [peers, painter, versionId, scroller]);
  useEffect(() => () => painter.setSelections([]), [painter]);
  return tags.map((tag) => (
    <span key={tag.key} className={s.nameTag} style={{ top: tag.top, left: tag.left, background: tag.color }} aria-label={t("selecting", { name: tag.name })} data-testid="remote-selection">
      {tag.name}
    </span>
  ));
}
