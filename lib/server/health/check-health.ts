import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../db/client";

export interface ComponentHealth {
  status: "ok" | "down";
  latencyMs?: number;
  error?: string;
}

async function databaseHealth(): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await prisma.$queryRaw`SELECT 1`;
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch {
    // The reason is logged by the driver; the public answer stays generic.
    return { status: "down", error: "database unreachable" };
  }
}

/** Public health report. `status` is "ok" only when every component is. */
export const healthOp = defineOperation({
  name: "health",
  permission: { kind: "public" },
  input: z.unknown(),
  async run() {
    const database = await databaseHealth();
    return { status: database.status === "ok" ? ("ok" as const) : ("degraded" as const), database, time: new Date().toISOString() };
  },
});
