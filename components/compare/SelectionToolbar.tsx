"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { HIGHLIGHT_COLOURS, SELECTION_LIMITS } from "@/lib/core/compare";
import type { SelectionInfo } from "@/lib/collab/client/dom";
import s from "./compare.module.css";

interface Props {
  info: SelectionInfo;
  /** Moves keyboard focus into the toolbar (Alt+A). */
  focusRequest: number;
  onHighlight(colour: string): void;
  onNote(): void;
  /** Highlights the selection and opens the theme picker on its card; absent (disabled) without the right. */
  onTheme?: () => void;
  /** Highlights the selection and opens the link picker on its card; absent (disabled) without the right. */
  onLink?: () => void;
  onClose(): void;
  /** More tools at the end (similar passages, #13). */
  children?: React.ReactNode;
}

/**
 * The small toolbar at the end of a selection: five colours, a note, a theme (#6) and a link (#7)
 * — the last two highlight the selection and open their picker on the new annotation's card. Keyboard: Alt+A focuses it, arrows move, 1–5 pick a
 * colour, N adds a note, Escape closes. When the selection cannot be annotated it says why.
 */
export function SelectionToolbar({ info, focusRequest, onHighlight, onNote, onTheme, onLink, onClose, children }: Props) {
  const t = useTranslations("compare");
  const bar = useRef<HTMLDivElement>(null);
  // Only a request made while this toolbar is shown moves focus (not one left from earlier).
  const seen = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === seen.current) return;
    seen.current = focusRequest;
    bar.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, [focusRequest]);

  const top = Math.min(info.rect.bottom + 8, window.innerHeight - 60);
  const left = Math.max(8, Math.min(info.rect.right - 40, window.innerWidth - 320));
  const style = { top, left };

  if (!info.ok) {
    const message =
      info.problem === "too_long" ? t("problem.too_long", { length: info.length ?? 0, max: SELECTION_LIMITS.maxChars }) : t(`problem.${info.problem}`);
    return (
      <div className={`${s.toolbar} ${s.toolbarProblem}`} style={style} role="alert" data-testid="selection-problem" data-problem={info.problem}>
        {message}
      </div>
    );
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = Number(e.key);
    if (n >= 1 && n <= HIGHLIGHT_COLOURS.length && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      onHighlight(HIGHLIGHT_COLOURS[n - 1]!.hex);
    } else if (e.key === "n" || e.key === "N") {
      e.preventDefault();
      onNote();
    } else if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const buttons = [...(bar.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      buttons[(i + (e.key === "ArrowRight" ? 1 : buttons.length - 1)) % buttons.length]?.focus();
      e.preventDefault();
    }
  };

  return (
    <div ref={bar} className={s.toolbar} style={style} role="toolbar" aria-label={t("toolbar.label")} onKeyDown={onKeyDown} data-testid="selection-toolbar" onMouseDown={(e) => e.preventDefault()}>
      {HIGHLIGHT_COLOURS.map((c, i) => (
        <button
          key={c.id}
          type="button"
          className={s.swatch}
          style={{ background: c.hex }}
          onClick={() => onHighlight(c.hex)}
          aria-label={t("toolbar.highlight", { colour: t(`colours.${c.id}`) })}
          title={`${t("toolbar.highlight", { colour: t(`colours.${c.id}`) })} (${i + 1})`}
          data-testid={`highlight-${c.id}`}
        />
      ))}
      <span className={s.toolbarSep} aria-hidden="true" />
      <button type="button" className={s.toolBtn} onClick={onNote} data-testid="add-note" title={`${t("toolbar.note")} (N)`}>
        ✎ {t("toolbar.note")}
      </button>
      <button type="button" className={s.toolBtn} disabled={!onTheme} onClick={onTheme} title={t("toolbar.theme")} aria-label={t("toolbar.theme")} data-testid="add-theme">
        #
      </button>
      <button type="button" className={s.toolBtn} disabled={!onLink} onClick={onLink} title={t("toolbar.link")} aria-label={t("toolbar.link")} data-testid="add-link">
        ⇄
      </button>
      {children}
      <span className={s.srOnly}>{t("toolbar.hint")}</span>
    </div>
  );
}
