import type { QueueOptions } from "pg-boss";

/**
 * Every queue of the app with its retry and expiry policy. A job's payload is small (ids); what
 * it works on and the progress a user sees live in the app's own tables (e.g. `ImportJob`).
 */
export const QUEUES = {
  /** OCR of a PDF's scanned pages, then the document (lib/server/import/ocr/run-ocr-import.ts). */
  "import.ocr": {
    // A 500-page scan at ~3 s a page; a worker that died mid-job is retried after this.
    expireInSeconds: 60 * 60,
    retryLimit: 2,
    retryDelay: 10,
    retryBackoff: true,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  /** Annotations placed into a version just imported (lib/server/anchors/run-reanchor-job.ts). */
  "anchors.reanchor": {
    // Thousands of annotations take seconds. A worker that dies mid-job stops its heartbeat, so
    // the job is retried within seconds (not at expiry) and carries on from the last stored batch.
    expireInSeconds: 15 * 60,
    heartbeatSeconds: 10,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
  /** The projection of a workspace re-derived from its stored Yjs states (rebuild-jobs.ts). */
  "rebuild.projection": { expireInSeconds: 60 * 60, heartbeatSeconds: 30, retryLimit: 2, retryDelay: 10, retryBackoff: true, deleteAfterSeconds: 7 * 24 * 3600 },
  /** A workspace's search index rebuilt from scratch (rebuild-jobs.ts). */
  "rebuild.search": { expireInSeconds: 60 * 60, heartbeatSeconds: 30, retryLimit: 2, retryDelay: 10, retryBackoff: true, deleteAfterSeconds: 7 * 24 * 3600 },
  /** Notification e-mail, immediate and digest (lib/server/notifications/send-notification-mail.ts). */
  "notifications.email": {
    expireInSeconds: 5 * 60,
    retryLimit: 1,
    retryDelay: 30,
    deleteAfterSeconds: 24 * 3600,
  },
} satisfies Record<string, QueueOptions>;

export type QueueName = keyof typeof QUEUES;

/** Payload of each queue. */
export interface JobData {
  "import.ocr": { importJobId: string };
  "anchors.reanchor": { importJobId: string };
  "rebuild.projection": { importJobId: string };
  "rebuild.search": { importJobId: string };
  "notifications.email": Record<string, never>;
}
