/**
 * `npm run db:migrate [-- --seed-demo]`: applies the pending migrations of prisma/migrations to
 * DATABASE_URL once and exits — the upgrade step of a deployment (deploy/compose.yaml runs it as
 * a one-shot service before web and collab start). Concurrent runs are serialised by an advisory
 * lock, so a second one applies nothing. `--seed-demo` seeds the demo workspace into an empty
 * database, as `npm start` does on a first start.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "../lib/infra/db/migrate";
import { logger } from "../lib/infra/log";

const log = logger("migrate");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const { applied } = await applyMigrations(url);
  log.info({ applied }, applied.length ? "migrations applied" : "database already up to date");
  if (process.argv.includes("--seed-demo")) {
    const { seedDemoIfEmpty } = await import("../lib/server/demo/seed-demo");
    const seeded = await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
    log.info({ seeded }, seeded ? "demo workspace seeded" : "database not empty; demo not seeded");
  }
  const { disconnectPrisma } = await import("../lib/infra/db/client");
  await disconnectPrisma();
}

main().catch((e: unknown) => {
  log.error({ err: e }, "migration failed");
  process.exit(1);
});
