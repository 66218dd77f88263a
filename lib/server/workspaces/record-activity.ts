import { prisma } from "../db/client";

// The activity log's writer lives in lib/server/activity; operations import it from here too.
export { recordActivity } from "../activity/record-activity";
export { prisma };
