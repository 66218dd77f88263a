import { prisma } from "./db/client";
import { logger } from "./log";

const log = logger("access");

/** PostgreSQL channel the collab server LISTENs on (lib/collab/server/extensions/revoke-access.ts). */
export const ACCESS_CHANNEL = "synoptic_access_changed";

/**
 * Tells live parts of the system that a member's access changed (role changed, member removed),
 * so that the collab server re-checks that user's open connections in the workspace within
 * seconds. PostgreSQL NOTIFY: every collab instance connected to the database hears it, and a
 * NOTIFY sent inside a transaction is only delivered if that transaction commits.
 * Never throws: a lost notification must not fail the membership change itself.
 */
export async function notifyAccessChanged(workspaceId: string, userId: string): Promise<void> {
  try {
    await prisma.$executeRaw`SELECT pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify({ workspaceId, userId })})`;
    log.info({ workspaceId, userId }, "access changed");
  } catch (err) {
    log.error({ err, workspaceId, userId }, "access change notification failed");
  }
}
