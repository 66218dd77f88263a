"use client";

/**
 * The export builder's theme filter: one checkbox per theme, in tree order (as the server
 * lists them: each theme after its parent, siblings in the theme views' order), children in a
 * list nested under their parent's item, so the hierarchy is indented on screen and announced
 * as nested lists ("level 2") by screen readers.
 */
import styles from "./export.module.css";

export interface ThemeChoice {
  id: string;
  name: string;
  colour: string;
  /** The parent in the hierarchy (null at the top); the list is in tree order. */
  parentId: string | null;
}

export function ThemeChoices(p: { themes: readonly ThemeChoice[]; checked: readonly string[]; onToggle: (id: string) => void }) {
  const children = new Map<string | null, ThemeChoice[]>();
  for (const t of p.themes) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const list = (parentId: string | null) => {
    const items = children.get(parentId);
    if (!items) return null;
    return (
      <ul className={styles.themeTree}>
        {items.map((th) => (
          <li key={th.id}>
            <label>
              <input type="checkbox" checked={p.checked.includes(th.id)} onChange={() => p.onToggle(th.id)} />
              <span className={styles.swatch} style={{ background: th.colour }} />
              {th.name}
            </label>
            {list(th.id)}
          </li>
        ))}
      </ul>
    );
  };
  return list(null);
}
