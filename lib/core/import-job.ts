/** A background import (OCR of a scanned PDF) as the import panel shows it. */
export interface ImportJobView {
  id: string;
  fileName: string;
  status: "queued" | "running" | "done" | "failed";
  pagesDone: number;
  pagesTotal: number;
  documentId: string | null;
  /** i18n key under `errors.`/`importErrors.` of a failure. */
  error: string | null;
  warnings: string[];
  createdAt: string;
}
