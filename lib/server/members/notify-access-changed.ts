import { logger } from "../log";

const log = logger("access");

/**
 * Tells live parts of the system that a member's access changed, so that open
 * collaboration connections are re-checked. The collab server (issue #4) listens
 * on PostgreSQL NOTIFY; until it exists this only logs.
 */
export async function notifyAccessChanged(workspaceId: string, userId: string): Promise<void> {
  log.info({ workspaceId, userId }, "access changed");
}
