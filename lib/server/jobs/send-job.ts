import { getBoss } from "./boss";
import type { JobData, QueueName } from "./queues";

/** Queues a job; returns its pg-boss id. */
export async function sendJob<Q extends QueueName>(queue: Q, data: JobData[Q]): Promise<string> {
  const boss = await getBoss();
  const id = await boss.send(queue, data as object);
  if (!id) throw new Error(`pg-boss did not queue the ${queue} job`);
  return id;
}
