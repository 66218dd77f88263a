"use client";

import { useEffect } from "react";

/** True when a key press belongs to a text field (typing a digit there must not tag). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/**
 * Digits 1–9 (without modifiers, outside text fields) call `onDigit(n - 1)` — the index of the
 * theme among the first nine in hierarchy order. For the compare view's toolbar: mount while
 * annotations are selected.
 */
export function useThemeShortcuts(enabled: boolean, onDigit: (index: number) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing || isTypingTarget(e.target)) return;
      if (!/^[1-9]$/.test(e.key)) return;
      e.preventDefault();
      onDigit(Number(e.key) - 1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, onDigit]);
}
