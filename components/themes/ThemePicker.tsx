"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import { themeNameKey, cleanThemeName } from "@/lib/core/themes";
import { errorKey, observeTargets, themeStateOn, type TagTarget, type WorkspaceCommands } from "@/lib/collab/client";
import { useWorkspaceThemes } from "@/lib/collab/client/react";
import { useThemeShortcuts } from "./use-theme-shortcuts";
import { useThemeErrorText } from "./use-theme-text";
import styles from "./themes.module.css";

export interface ThemePickerProps {
  /** Changes to the workspace doc of the page's collab session (null until connected). */
  commands: WorkspaceCommands | null;
  /** The annotations to tag: one entry per document doc (several when the selection spans panes). */
  targets: readonly TagTarget[];
  /** May create themes on the fly (`can(role, "theme.manage")`). */
  canCreate: boolean;
  /** May tag (`can(role, "annotation.edit")`); false shows the themes read-only. */
  canTag?: boolean;
  /** Digits 1–9 toggle the first nine themes even when focus is outside the picker (not in text fields). */
  globalShortcuts?: boolean;
  autoFocus?: boolean;
  /** Esc, or after creating a theme with Enter. */
  onDone?: () => void;
  /** After each toggle (for a status line or toast). */
  onApplied?: (result: { themeId: string; name: string; added: boolean; count: number }) => void;
}

/**
 * Type-ahead over the workspace's themes: toggles a theme on the target annotations, creates
 * a theme from the typed name, 1–9 for the first nine themes (hierarchy order).
 */
export function ThemePicker(props: ThemePickerProps) {
  const t = useTranslations("themes.picker");
  const errorText = useThemeErrorText();
  const themes = useWorkspaceThemes(props.commands?.meta);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const canTag = props.canTag ?? true;
  const { targets, commands, onApplied, onDone } = props;

  // Re-render when the target annotations change (someone else tags them too).
  useEffect(() => observeTargets(targets, bump), [targets]);

  const key = themeNameKey(query);
  const shown = useMemo(() => (key ? themes.rows.filter((r) => themeNameKey(r.theme.name).includes(key)) : themes.rows), [themes.rows, key]);
  const exact = key !== "" && themes.live.some((x) => themeNameKey(x.name) === key);
  const offerCreate = props.canCreate && canTag && key !== "" && !exact;
  const optionCount = shown.length + (offerCreate ? 1 : 0);
  const activeIndex = Math.min(active, Math.max(0, optionCount - 1));

  const toggle = useCallback(
    (themeId: string) => {
      if (!commands || !canTag) return;
      try {
        const r = commands.toggleTheme(targets, themeId);
        setError(null);
        onApplied?.({ themeId, name: themes.byId.get(themeId)?.name ?? "", ...r });
      } catch (e) {
        setError(errorKey(e));
      }
    },
    [commands, canTag, targets, onApplied, themes.byId],
  );

  const create = () => {
    if (!commands) return;
    try {
      const theme = commands.createThemeNamed(query);
      const r = commands.toggleTheme(targets, theme.id);
      setQuery("");
      setError(null);
      onApplied?.({ themeId: theme.id, name: theme.name, ...r });
    } catch (e) {
      setError(errorKey(e));
    }
  };

  const byDigit = useCallback((i: number) => {
    const row = themes.rows[i];
    if (row) toggle(row.theme.id);
  }, [themes.rows, toggle]);
  useThemeShortcuts(Boolean(props.globalShortcuts) && targets.length > 0, byDigit);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // IME conversion: Enter confirms the kana, not the theme
    if (e.key === "ArrowDown") setActive(Math.min(activeIndex + 1, optionCount - 1));
    else if (e.key === "ArrowUp") setActive(Math.max(activeIndex - 1, 0));
    else if (e.key === "Enter") {
      if (activeIndex < shown.length) toggle(shown[activeIndex]!.theme.id);
      else if (offerCreate) create();
    } else if (e.key === "Escape") onDone?.();
    else if (query === "" && /^[1-9]$/.test(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) byDigit(Number(e.key) - 1);
    else return;
    e.preventDefault();
  };

  useEffect(() => {
    if (props.autoFocus) inputRef.current?.focus();
  }, [props.autoFocus]);

  const digitOf = new Map(themes.rows.slice(0, 9).map((r, i) => [r.theme.id, i + 1]));
  return (
    <div className={styles.picker} data-testid="theme-picker">
      <input
        ref={inputRef}
        className={styles.pickerInput}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={optionCount > 0 ? `${listId}-${activeIndex}` : undefined}
        aria-label={t("label")}
        placeholder={t("placeholder")}
        value={query}
        maxLength={160}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        disabled={!canTag}
        data-testid="theme-picker-input"
      />
      <ul id={listId} role="listbox" aria-multiselectable="true" className={styles.pickerList}>
        {shown.map((r, i) => {
          const state = themeStateOn(targets, r.theme.id);
          const digit = key ? undefined : digitOf.get(r.theme.id);
          return (
            <li
              key={r.theme.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={state === "all"}
              aria-checked={state === "all" ? true : state === "some" ? "mixed" : false}
              className={`${styles.pickerOption} ${i === activeIndex ? styles.active : ""}`}
              style={{ paddingInlineStart: `${0.5 + r.depth * 0.9}rem` }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => toggle(r.theme.id)}
              data-testid="theme-option"
              data-theme-name={r.theme.name}
              data-state={state}
            >
              <span className={styles.check} aria-hidden>{state === "all" ? "✓" : state === "some" ? "–" : ""}</span>
              <span className={styles.swatch} style={{ background: r.theme.colour }} aria-hidden />
              <span className={styles.optionName}>{r.theme.name}</span>
              {digit !== undefined && <kbd className={styles.kbd}>{digit}</kbd>}
            </li>
          );
        })}
        {offerCreate && (
          <li
            id={`${listId}-${shown.length}`}
            role="option"
            aria-selected={false}
            className={`${styles.pickerOption} ${activeIndex === shown.length ? styles.active : ""}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={create}
            data-testid="theme-create"
          >
            <span className={styles.check} aria-hidden>＋</span>
            {t("create", { name: cleanThemeName(query) })}
          </li>
        )}
        {optionCount === 0 && <li className={`${styles.pickerEmpty} muted small`}>{t("none")}</li>}
      </ul>
      {error && (
        <p className="alert error small" role="alert" data-testid="theme-picker-error">
          {errorText(error)}
        </p>
      )}
      <p className="muted small">{t("hint")}</p>
    </div>
  );
}
