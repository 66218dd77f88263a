/**
 * The machine's real Redis for scale-out tests: REDIS_URL, else 127.0.0.1:6379 (CI has it).
 * Each run gets its own key prefix, so runs and parallel helpers never share channels.
 */
import { randomBytes } from "node:crypto";
import IORedis from "ioredis";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A fresh key prefix for one test run. */
export function runPrefix(what: string): string {
  return `synoptic-test-${what}-${randomBytes(4).toString("hex")}`;
}

/** Whether Redis answers PING within a second (no retries: a missing Redis is a skip, not a hang). */
export async function redisReachable(url = REDIS_URL): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
