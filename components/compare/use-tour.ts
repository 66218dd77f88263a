"use client";

import { useCallback, useEffect, useState } from "react";

/** Event the shortcuts dialog sends to reopen the tour of the page that has one. */
export const TOUR_EVENT = "synoptic:tour";

/** localStorage key per user: a tour dismissed by one person on a shared browser still greets the next. */
export const tourKey = (userId: string) => `synoptic.tour.compare.${userId}`;

/** Set to "off" in a browser that never wants first-visit tours (automation, kiosks); "?" still opens them. */
export const TOURS_OFF_KEY = "synoptic.tours";

/** Whether the tour shows: the first time a user opens the view, and whenever they ask for it. */
export function useTour(userId: string): { open: boolean; close(): void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    // Read after mount: localStorage does not exist during server rendering.
    let seen = true;
    try {
      seen = localStorage.getItem(tourKey(userId)) === "done" || localStorage.getItem(TOURS_OFF_KEY) === "off";
    } catch {
      // storage blocked: show the tour, it can be closed
      seen = false;
    }
    const first = setTimeout(() => setOpen(!seen), 0);
    const reopen = () => setOpen(true);
    window.addEventListener(TOUR_EVENT, reopen);
    return () => {
      clearTimeout(first);
      window.removeEventListener(TOUR_EVENT, reopen);
    };
  }, [userId]);
  const close = useCallback(() => {
    setOpen(false);
    try {
      localStorage.setItem(tourKey(userId), "done");
    } catch {
      // nothing to remember with
    }
  }, [userId]);
  return { open, close };
}
