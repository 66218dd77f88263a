"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

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
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" className="btn help-button" onClick={() => dialog.current?.showModal()} aria-label={t("open")} title={t("open")} data-testid="shortcuts-open">?</button>
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
          <button className="btn primary" data-testid="shortcuts-close">{t("close")}</button>
        </form>
      </dialog>
    </>
  );
}
