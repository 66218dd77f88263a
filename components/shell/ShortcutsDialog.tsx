"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { TOUR_EVENT } from "@/components/compare/use-tour";

/** The keys the app answers to, in the order a newcomer meets them. Each is [keys, message key]. */
const SHORTCUTS: [string[], string][] = [
  [["?"], "help"],
  [["/"], "search"],
  [["Enter", "F3"], "nextHit"],
  [["Shift", "F3"], "previousHit"],
  [["Alt", "A"], "toolbar"],
  [["1", "…", "9"], "theme"],
  [["Ctrl/⌘", "Z"], "undo"],
  [["Ctrl/⌘", "Shift", "Z"], "redo"],
  [["Ctrl/⌘", "click"], "multiSelect"],
  [["Delete"], "mapDelete"],
];

/** True when a key press is typing into a field, where `?` is a character, not a command. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest("input, textarea, select, [contenteditable=true], [contenteditable='']");
}

/**
 * The keyboard shortcuts, in a modal dialog: `?` anywhere outside a text field or the top bar's
 * "?" button opens it (a native <dialog>: focus trap, Escape and the backdrop come with it).
 */
export function ShortcutsDialog() {
  const t = useTranslations("shortcuts");
  const dialog = useRef<HTMLDialogElement>(null);
  // Only a page with a tour (the compare view) offers to show it.
  const [hasTour, setHasTour] = useState(false);
  const show = () => {
    setHasTour(!!document.querySelector("[data-testid=compare-view]"));
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  const showRef = useRef(show);
  useEffect(() => {
    showRef.current = show;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      showRef.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" className="btn help-button" onClick={show} aria-label={t("open")} title={t("open")} data-testid="shortcuts-open">?</button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog" onClick={(e) => e.target === dialog.current && dialog.current.close()}>
        <h2 id="shortcuts-title">{t("title")}</h2>
        <table className="list">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td className="keys">{keys.map((k, i) => (k === "…" ? <span key={i}> … </span> : <kbd key={i}>{k}</kbd>))}</td>
                <td>{t(`keys.${what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog" className="row" style={{ justifyContent: "flex-end", marginTop: "1rem" }}>
          {hasTour && (
            <button className="btn" onClick={() => window.dispatchEvent(new Event(TOUR_EVENT))} data-testid="shortcuts-tour">{t("tour")}</button>
          )}
          <button className="btn primary" data-testid="shortcuts-close">{t("close")}</button>
        </form>
      </dialog>
    </>
  );
}
