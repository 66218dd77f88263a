"use client";

import { useTranslations } from "next-intl";
import type { WorkspaceThemes } from "@/lib/collab/client";
import styles from "./themes.module.css";

export interface ThemeChipsProps {
  /** From useWorkspaceThemes(metaDoc) — one subscription per page, shared by every card. */
  themes: WorkspaceThemes;
  /** The annotation's `themeIds` as stored. */
  themeIds: readonly string[];
  /**
   * Shows a × per chip when given (editors). Receives every stored id the chip stands for (a
   * merged theme's id and its target's), to pass to `tagAnnotations(doc, [id], { remove }, …)`.
   */
  onRemove?: (storedThemeIds: string[]) => void;
  /** Chips become buttons when given (e.g. filter the panes by that theme). */
  onSelect?: (themeId: string) => void;
}

/**
 * The themes of one annotation as coloured chips. Ids of merged themes show as their target,
 * ids of deleted themes are not shown (the annotation keeps them so that undo restores them).
 */
export function ThemeChips({ themes, themeIds, onRemove, onSelect }: ThemeChipsProps) {
  const t = useTranslations("themes.picker");
  const groups = new Map<string, string[]>();
  for (const id of themeIds) {
    const theme = themes.resolve(id);
    if (theme) groups.set(theme.id, [...(groups.get(theme.id) ?? []), id]);
  }
  const chips = [];
  for (const [themeId, stored] of groups) {
    const theme = themes.byId.get(themeId)!;
    chips.push(
      <li key={theme.id} className={styles.chip} style={{ borderColor: theme.colour }} data-testid="theme-chip" data-theme-name={theme.name}>
        <span className={styles.swatch} style={{ background: theme.colour }} aria-hidden />
        {onSelect ? (
          <button type="button" className={styles.chipButton} onClick={() => onSelect(theme.id)} title={theme.description}>
            {theme.name}
          </button>
        ) : (
          <span title={theme.description}>{theme.name}</span>
        )}
        {onRemove && (
          <button type="button" className={styles.chipRemove} aria-label={t("remove", { name: theme.name })} onClick={() => onRemove(stored)}>
            ×
          </button>
        )}
      </li>,
    );
  }
  if (chips.length === 0) return null;
  return <ul className={styles.chips}>{chips}</ul>;
}
