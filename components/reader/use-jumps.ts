"use client";

import { useCallback } from "react";

const FLASH_MS = 1600;

/**
 * In-reader links (outline entries, footnote markers, footnote back links) carry
 * `data-jump` with the target's id. One delegated click handler scrolls the target
 * into view, moves keyboard focus to it (so Tab continues from there, and the back
 * link of a footnote is the next stop) and flashes it. Plain `href="#…"` links keep
 * working without JavaScript and for "open in new tab"; the handler also keeps the
 * jump inside this reader when several readers share a page.
 */
export function useJumps(root: React.RefObject<HTMLElement | null>) {
  return useCallback(
    (e: React.MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-jump]");
      const target = link && root.current?.querySelector<HTMLElement>(`#${CSS.escape(link.dataset.jump!)}`);
      if (!target) return;
      e.preventDefault();
      target.scrollIntoView({ block: target.matches("h2,h3,h4,h5,h6") ? "start" : "center" });
      target.focus({ preventScroll: true });
      target.setAttribute("data-flash", "");
      window.setTimeout(() => target.removeAttribute("data-flash"), FLASH_MS);
    },
    [root],
  );
}
