import { z } from "zod";
import { defineOperation } from "../ops/define";
import { prisma } from "../../infra/db/client";
import { collabHealth } from "../collab/collab-health";

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

/**
 * Public health report. `status` is "ok" only when every component is; "degraded" otherwise.
 * The route answers 503 only when the database is down: without the collab server pages still
 * render (read-only, no live annotations), so the web process itself is healthy.
 */
export const healthOp = defineOperation({
  name: "health",
  permission: { kind: "public" },
  input: z.unknown(),
  async run() {
    const [database, collab] = await Promise.all([databaseHealth(), collabHealth()]);
    const ok = database.status === "ok" && collab.status === "ok";
    return { status: ok ? ("ok" as const) : ("degraded" as const), database, collab, time: new Date().toISOString() };
  },
});
