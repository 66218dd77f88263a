"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import { hiddenRows, type ThemeMatrix } from "@/lib/core/themes";
import { heatStyle, percent } from "./heat";
import styles from "./themes.module.css";

export interface MatrixTableProps {
  matrix: ThemeMatrix;
  collapsed: ReadonlySet<string>;
  onToggle: (themeId: string) => void;
  onCell: (themeId: string, documentIndex: number) => void;
  onTheme: (themeId: string) => void;
  selected?: { themeId: string; documentIndex: number } | null;
}

/** The theme × document table: sticky headers, collapsible hierarchy, heat by coverage. */
export const MatrixTable = memo(function MatrixTable({ matrix, collapsed, onToggle, onCell, onTheme, selected }: MatrixTableProps) {
  const t = useTranslations("themes.matrix");
  const hidden = hiddenRows(matrix.rows, collapsed);
  // 1,000 cells: format each plural once, not once per cell (ICU formatting dominated the render).
  const counts = new Map<number, string>();
  const countText = (n: number): string => {
    let text = counts.get(n);
    if (text === undefined) counts.set(n, (text = t("cell", { count: n })));
    return text;
  };
  const coverageOf = t("coverageOf", { coverage: "\u0000" });
  return (
    <div className={styles.matrixWrap}>
      <table className={styles.matrix} data-testid="theme-matrix">
        <thead>
          <tr>
            <th scope="col">{t("theme")}</th>
            {matrix.documents.map((d) => (
              <th key={d.id} scope="col" title={d.title}>
                <span className={styles.docHead}>{d.title}</span>
              </th>
            ))}
            <th scope="col">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => {
            if (hidden.has(row.theme.id)) return null;
            const open = !collapsed.has(row.theme.id);
            return (
              <tr key={row.theme.id} data-testid="matrix-row" data-theme-name={row.theme.name}>
                <th scope="row">
                  <span className={styles.rowHead} style={{ paddingInlineStart: `${0.4 + row.depth * 1.1}rem` }}>
                    {row.childIds.length > 0 ? (
                      <button type="button" className={styles.twisty} aria-expanded={open} aria-label={t(open ? "collapse" : "expand", { name: row.theme.name })} onClick={() => onToggle(row.theme.id)}>
                        {open ? "▾" : "▸"}
                      </button>
                    ) : (
                      <span className={styles.twisty} aria-hidden />
                    )}
                    <span className={styles.swatch} style={{ background: row.theme.colour }} aria-hidden />
                    <button type="button" className={styles.themeLink} title={t("showTheme", { name: row.theme.name })} onClick={() => onTheme(row.theme.id)} data-testid="matrix-theme">
                      {row.theme.name}
                    </button>
                  </span>
                </th>
                {row.cells.map((c, di) => {
                  const heat = heatStyle(c.coverage, matrix.maxCoverage);
                  const isSel = selected?.themeId === row.theme.id && selected.documentIndex === di;
                  return (
                    <td key={di} style={{ background: heat.background }}>
                      <button
                        type="button"
                        className={`${styles.cell} ${heat.dark ? styles.dark : ""} ${c.count === 0 ? styles.zero : ""} ${isSel ? styles.cellSelected : ""}`}
                        aria-label={`${row.theme.name} × ${matrix.documents[di]!.title}: ${countText(c.count)}${c.count > 0 ? `, ${coverageOf.replace("\u0000", percent(c.coverage))}` : ""}`}
                        aria-pressed={isSel}
                        onClick={() => onCell(row.theme.id, di)}
                        data-testid="matrix-cell"
                        data-count={c.count}
                      >
                        <span className={styles.count}>{c.count}</span>
                        {c.count > 0 && <span className={styles.coverage}>{percent(c.coverage)}</span>}
                      </button>
                    </td>
                  );
                })}
                <td>
                  <span className={`${styles.cell} ${styles.count}`} data-testid="matrix-total">{row.total.count}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
