"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useErrorText } from "../ui/use-error-text";
import type { ImportJobItem } from "./use-import-jobs";
import styles from "./import.module.css";

/** Background imports (OCR of scanned PDFs) with their page progress, result or failure. */
export function ImportJobs(p: { jobs: ImportJobItem[]; workspaceSlug: string }) {
  const t = useTranslations("import");
  const errorText = useErrorText();
  if (p.jobs.length === 0) return null;
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <h3 className="small">{t("ocrTitle")}</h3>
      <ul className={styles.items} aria-live="polite" data-testid="import-jobs">
        {p.jobs.map((job) => (
          <li key={job.id} data-state={job.status} data-job={job.id}>
            <span className={styles.name}>{job.fileName}</span>
            {job.status === "queued" && <span className="muted small">{t("ocrQueued")}</span>}
            {job.status === "running" && (
              <>
                <progress max={Math.max(job.pagesTotal, 1)} value={job.pagesDone} aria-label={job.fileName} />
                <span className="muted small" data-testid="ocr-progress">
                  {t("ocrRunning", { done: job.pagesDone, total: job.pagesTotal })}
                </span>
              </>
            )}
            {job.status === "done" && job.documentId && (
              <span className="small">
                {t("ocrDone")}
                {job.warnings.length > 0 && (
                  <span className="muted" title={job.warnings.join("\n")}>
                    {" "}
                    · {t("warnings", { count: job.warnings.length })}
                  </span>
                )}{" "}
                <Link href={`/w/${p.workspaceSlug}/d/${job.documentId}`}>{t("open")}</Link>
              </span>
            )}
            {job.status === "failed" && (
              <span className="alert error small" role="alert">
                {errorText(job.error)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
