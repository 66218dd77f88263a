import path from "node:path";
import { logger } from "../../lib/infra/log";

const log = logger("start");

/**
 * Seeds the demo workspace's content once the collab server answers: it is written through the
 * collab server's direct writes, like an import. A failure is reported and the app keeps running
 * (the workspace still has its papers); the next start tries again and completes what is missing.
 */
export async function seedDemoContentWhenCollabUp(root: string, timeoutMs = 60_000): Promise<void> {
  const { collabHealth } = await import("../../lib/server/collab/collab-health");
  const { seedDemoContent } = await import("../../lib/server/demo/seed-demo-content");
  const deadline = Date.now() + timeoutMs;
  while ((await collabHealth()).status !== "ok") {
    if (Date.now() > deadline) {
      process.stderr.write("\nThe demo content was not seeded: the collaboration server did not answer. It is tried again on the next start.\n");
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    const outcome = await seedDemoContent(path.join(root, "prisma", "demo"));
    if (outcome === "seeded") log.info("demo workspace content seeded");
  } catch (e) {
    log.error({ err: e }, "demo content seed failed");
    process.stderr.write(`\nThe demo content could not be seeded: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}
