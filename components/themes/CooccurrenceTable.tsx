"use client";

import { useTranslations } from "next-intl";
import { memo } from "react";
import type { CooccurrenceTable as Table } from "@/lib/core/themes";
import { heatStyle } from "./heat";
import styles from "./themes.module.css";

export interface CooccurrenceTableProps {
  table: Table;
  onCell: (themeA: string, themeB: string) => void;
  selected?: { a: string; b: string } | null;
}

/** Themes on both axes; a cell counts the passages the two share; click opens them. */
export const CooccurrenceTable = memo(function CooccurrenceTable({ table, onCell, selected }: CooccurrenceTableProps) {
  const t = useTranslations("themes");
  return (
    <div className={styles.matrixWrap}>
      <table className={`${styles.matrix} ${styles.cooc}`} data-testid="cooccurrence-table">
        <thead>
          <tr>
            <th scope="col" className={styles.corner}>{t("matrix.theme")}</th>
            {table.themes.map(({ theme }) => (
              <th key={theme.id} scope="col" title={theme.name}>
                <span className={styles.vertical}>{theme.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.themes.map(({ theme: a, depth }, i) => (
            <tr key={a.id} data-testid="cooccurrence-row" data-theme-name={a.name}>
              <th scope="row">
                <span className={styles.rowHead} style={{ paddingInlineStart: `${0.4 + depth * 1.1}rem` }}>
                  <span className={styles.swatch} style={{ background: a.colour }} aria-hidden />
                  {a.name}
                </span>
              </th>
              {table.themes.map(({ theme: b }, j) => {
                if (i === j) return <td key={b.id} className={styles.diag} aria-hidden />;
                const count = table.counts[i]![j]!;
                const heat = heatStyle(count, table.maxCount);
                const isSel = selected ? (selected.a === a.id && selected.b === b.id) || (selected.a === b.id && selected.b === a.id) : false;
                return (
                  <td key={b.id} style={{ background: heat.background }}>
                    <button
                      type="button"
                      className={`${styles.cell} ${heat.dark ? styles.dark : ""} ${count === 0 ? styles.zero : ""} ${isSel ? styles.cellSelected : ""}`}
                      aria-label={t("cooccurrence.cell", { a: a.name, b: b.name, count })}
                      disabled={count === 0}
                      onClick={() => onCell(a.id, b.id)}
                      data-testid="cooccurrence-cell"
                      data-pair={`${a.name}|${b.name}`}
                      data-count={count}
                    >
                      <span className={styles.count}>{count}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
