"use client";

import { useCallback } from "react";
import type { ReaderNav } from "./reader-nav";

const FLASH_MS = 1600;

/**
 * In-reader links (outline entries, footnote markers, footnote back links) carry
 * `data-jump` with the target's id and `data-jump-block` with its block. One delegated
 * click handler scrolls the target into view, moves keyboard focus to it (so Tab
 * continues from there, and the back link of a footnote is the next stop) and flashes
 * it. A target not rendered yet (a virtualised reader) is revealed through `nav` first.
 * Plain `href="#…"` links keep working without JavaScript and for "open in new tab";
 * the handler also keeps the jump inside this reader when several readers share a page.
 */
export function useJumps(root: React.RefObject<HTMLElement | null>, nav: React.RefObject<ReaderNav | null>) {
  return useCallback(
    (e: React.MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element).closest<HTMLAnchorElement>("a[data-jump]");
      if (!link || !root.current) return;
      const id = link.dataset.jump!;
      const find = () => root.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`) ?? null;
      const block = link.dataset.jumpBlock;
      if (!find() && (block === undefined || !nav.current)) return;
      e.preventDefault();
      const land = (target: HTMLElement | null) => {
        if (!target) return;
        target.scrollIntoView({ block: target.matches("h2,h3,h4,h5,h6") ? "start" : "center" });
        target.focus({ preventScroll: true });
        target.setAttribute("data-flash", "");
        window.setTimeout(() => target.removeAttribute("data-flash"), FLASH_MS);
      };
      const here = find();
      if (here) land(here);
      else void nav.current!.revealBlock(Number(block)).then(() => land(find()));
    },
    [root, nav],
  );
}
