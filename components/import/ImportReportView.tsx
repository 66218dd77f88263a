"use client";

import { useTranslations } from "next-intl";
import type { ImportReport, ReportWarning } from "@/lib/core/text/build-report";
import styles from "./import.module.css";

const KINDS = ["heading", "paragraph", "list_item", "footnote", "caption", "glossary", "note"] as const;

/**
 * The import report of one file: blocks by kind, furniture dropped and why, warnings.
 * Rows are divs, not list items: it sits inside an item of the panel's file list.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("import.report");
  const warning = (w: ReportWarning): string => {
    switch (w.code) {
      case "replacement_chars":
        return t("warn.replacement_chars", { count: w.count, blocks: w.blocks.length, pages: [...new Set(w.blocks.map((b) => b.page).filter((p) => p !== undefined))].join(", ") || "—" });
      case "textless_pages":
        return t("warn.textless_pages", { pages: w.pages.join(", ") });
      case "ocr_confidence":
        return t("warn.ocr_confidence", { pages: w.pages.map((p) => `${p.page} (${Math.round(p.confidence)}%)`).join(", ") });
      case "other":
        return w.message;
      default:
        return t(`warn.${w.code}`, { count: w.count });
    }
  };
  return (
    <details className={styles.report} data-testid="import-report">
      <summary>{t("summary", { blocks: report.blocks.total, pages: report.pages ?? 0, warnings: report.warnings.length })}</summary>
      <dl>
        <dt>{t("blocks")}</dt>
        <dd>
          {KINDS.filter((k) => report.blocks.byKind[k])
            .map((k) => `${t(`kind.${k}`)} ${report.blocks.byKind[k]}`)
            .join(" · ")}
        </dd>
        <dt>{t("dropped")}</dt>
        <dd>
          {report.dropped.length === 0 ? (
            t("nothingDropped")
          ) : (
            <div className={styles.reportList}>
              {report.dropped.map((d) => (
                <div key={d.reason}>
                  {t.has(`reason.${d.reason}`) ? t(`reason.${d.reason}`) : d.reason}: {d.count}
                  {d.examples.length > 0 && <span className="muted"> — {d.examples.map((e) => `「${e}」`).join(" ")}</span>}
                </div>
              ))}
            </div>
          )}
        </dd>
        {report.warnings.length > 0 && (
          <>
            <dt>{t("warnings")}</dt>
            <dd>
              <div className={styles.reportList}>
                {report.warnings.map((w, i) => (
                  <div key={i}>{warning(w)}</div>
                ))}
              </div>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
