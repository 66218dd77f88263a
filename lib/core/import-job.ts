/** OCR of a scanned PDF, annotations placed in a new version, a rebuild of the projection or the search index. */
export const IMPORT_JOB_KINDS = ["ocr", "reanchor", "projection", "search"] as const;
export type ImportJobKind = (typeof IMPORT_JOB_KINDS)[number];

/** A background job as the import panel shows it: OCR of a scanned PDF, or annotations re-anchored in a new version. */
export interface ImportJobView {
  id: string;
  kind: ImportJobKind;
  fileName: string;
  status: "queued" | "running" | "done" | "failed";
  pagesDone: number;
  pagesTotal: number;
  documentId: string | null;
  /** i18n key under `errors.`/`importErrors.` of a failure. */
  error: string | null;
  warnings: string[];
  /** Re-anchoring: how many annotations landed how (exact, moved, changed, orphan). */
  result: Record<string, number> | null;
  createdAt: string;
}
