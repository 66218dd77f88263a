"use client";

import { useEffect, useState } from "react";

/** How far below the top of the viewport a heading counts as the one being read. */
const READING_LINE_PX = 120;

/**
 * The block index of the last heading above the reading line, updated on scroll of
 * the page or of any scrolling ancestor (the compare view's panes scroll on their own).
 */
export function useActiveHeading(root: React.RefObject<HTMLElement | null>): number | null {
  const [active, setActive] = useState<number | null>(null);
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const headings = [...container.querySelectorAll<HTMLElement>("[data-kind=heading]")];
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: number | null = null;
      for (const h of headings) {
        if (h.getBoundingClientRect().top > READING_LINE_PX) break;
        current = Number(h.dataset.block);
      }
      setActive(current);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll, { capture: true });
      if (frame) cancelAnimationFrame(frame);
    };
  }, [root]);
  return active;
}
