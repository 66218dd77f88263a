"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useErrorText } from "../ui/use-error-text";
import type { ImportJobItem } from "./use-import-jobs";
import styles from "./import.module.css";

/**
 * The re-anchoring of a document's annotations into a version just imported (the
 * `anchors.reanchor` job), live from the import-jobs poll: progress, then how many annotations
 * landed how, with the way to the orphan queue (the compare view's list) when some were not found.
 */
export function ReanchorJobs(p: { jobs: ImportJobItem[]; workspaceSlug: string; documentId: string }) {
  const t = useTranslations("import");
  const errorText = useErrorText();
  const jobs = p.jobs.filter((j) => j.kind === "reanchor" && j.documentId === p.documentId).slice(0, 3);
  if (jobs.length === 0) return null;
  return (
    <div className="stack" style={{ gap: "0.5rem" }}>
      <h3 className="small">{t("reanchorTitle")}</h3>
      <ul className={styles.items} aria-live="polite" data-testid="reanchor-jobs">
        {jobs.map((job) => (
          <li key={job.id} data-state={job.status} data-job={job.id}>
            {job.status === "queued" && <span className="muted small">{t("reanchorQueued")}</span>}
            {job.status === "running" && (
              <>
                <progress max={Math.max(job.pagesTotal, 1)} value={job.pagesDone} aria-label={t("reanchorTitle")} />
                <span className="muted small" data-testid="reanchor-progress">{t("reanchorRunning", { done: job.pagesDone, total: job.pagesTotal })}</span>
              </>
            )}
            {job.status === "done" && (
              <span className="small" data-testid="reanchor-done">
                {t("reanchorDone", { exact: job.result?.exact ?? 0, moved: job.result?.moved ?? 0, changed: job.result?.changed ?? 0, orphan: job.result?.orphan ?? 0 })}
                {(job.result?.orphan ?? 0) > 0 && (
                  <>
                    {" "}
                    <Link href={`/w/${encodeURIComponent(p.workspaceSlug)}/compare?d=${encodeURIComponent(p.documentId)}`} data-testid="reanchor-orphans">{t("reanchorOrphans")}</Link>
                  </>
                )}
              </span>
            )}
            {job.status === "failed" && <span className="alert error small" role="alert">{errorText(job.error)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
