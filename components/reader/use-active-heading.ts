"use client";

import { useEffect, useState } from "react";

/** How far below the top of the viewport a heading counts as the one being read. */
const READING_LINE_PX = 120;

/**
 * The block index of the last heading above the reading line, updated on scroll of
 * the page or of any scrolling ancestor (the compare view's panes scroll on their own).
 * Only rendered headings can be measured: when none above the line is (a virtualised
 * reader), it is the last heading (of `headings`, every heading block in order) before
 * the first rendered block.
 */
export function useActiveHeading(root: React.RefObject<HTMLElement | null>, headings: readonly number[]): number | null {
  const [active, setActive] = useState<number | null>(null);
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: number | null = null;
      for (const h of container.querySelectorAll<HTMLElement>("[data-kind=heading]:not([data-piece])")) {
        if (h.getBoundingClientRect().top > READING_LINE_PX) break;
        current = Number(h.dataset.block);
      }
      if (current === null) {
        const first = container.querySelector<HTMLElement>("[data-block]");
        const b = first ? Number(first.dataset.block) : 0;
        for (const h of headings) {
          if (h >= b) break;
          current = h;
        }
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
  }, [root, headings]);
  return active;
}
