import type { Job } from "pg-boss";
import { runReanchorJob } from "../anchors/run-reanchor-job";
import { runOcrImportJob } from "../import/ocr/run-ocr-import";
import { runRebuildJob } from "./rebuild-jobs";
import { sendNotificationMails } from "../notifications/send-notification-mail";
import type { JobData, QueueName } from "./queues";

export interface HandlerMeta {
  /** No retry follows when this attempt throws: the handler records the failure for the user. */
  lastAttempt: boolean;
}

/** The handler of each queue. A handler throws to have pg-boss retry the job. */
export const HANDLERS: { [Q in QueueName]: (job: Job<JobData[Q]>, meta: HandlerMeta) => Promise<void> } = {
  "import.ocr": (job, meta) => runOcrImportJob(job.data.importJobId, meta),
  "anchors.reanchor": (job, meta) => runReanchorJob(job.data.importJobId, meta),
  "rebuild.projection": (job, meta) => runRebuildJob(job.data.importJobId, meta),
  "rebuild.search": (job, meta) => runRebuildJob(job.data.importJobId, meta),
  "notifications.email": async () => {
    await sendNotificationMails(new Date());
  },
};
