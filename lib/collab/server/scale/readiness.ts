/**
 * Readiness of one collab process, for a load balancer or orchestrator (GET /ready):
 * ready when it is not draining, PostgreSQL answers and — with scale-out — its Redis connections
 * are up. /health stays a liveness probe (the process answers), so a database outage takes an
 * instance out of rotation without getting it restarted in a loop.
 */
import { prisma } from "../../../infra/db/client";

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  database: "ok" | "down";
  redis?: "ok" | "down";
}

export interface Readiness {
  /** Marks the process as draining: /ready answers 503 from now on. */
  drain(): void;
  readonly draining: boolean;
  check(): Promise<ReadinessReport>;
}

/** `redisUp` reports the scale-out connections (omitted without Redis). */
export function createReadiness(opts: { redisUp?: () => boolean } = {}): Readiness {
  let draining = false;
  return {
    drain: () => {
      draining = true;
    },
    get draining() {
      return draining;
    },
    async check() {
      const database = await prisma.$queryRaw`SELECT 1`.then(
        () => "ok" as const,
        () => "down" as const,
      );
      const redis = opts.redisUp ? (opts.redisUp() ? ("ok" as const) : ("down" as const)) : undefined;
      const ready = !draining && database === "ok" && redis !== "down";
      return { ready, draining, database, ...(redis ? { redis } : {}) };
    },
  };
}
