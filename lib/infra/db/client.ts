/**
 * The one Prisma client of the process.
 *
 * - Runs on `@prisma/adapter-pg` (no engine binary; see scripts/prisma-generate.ts).
 * - Built on first use, not at import: scripts and tests set `DATABASE_URL` (embedded PostgreSQL,
 *   per-run test database) after their imports have been evaluated.
 * - Cached on `globalThis`: Next dev re-evaluates modules on every edit, and a new pool per edit
 *   would exhaust PostgreSQL's connections within minutes.
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { AppError } from "../../core/errors";
import { PrismaClient } from "../../generated/prisma/client";

const globalForPrisma = globalThis as typeof globalThis & { __synopticPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new AppError(
      "db_unavailable",
      "DATABASE_URL is not set: start the app with `npm start` (it starts the embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

/** The shared client, created on first call. */
export function getPrisma(): PrismaClient {
  globalForPrisma.__synopticPrisma ??= createClient();
  return globalForPrisma.__synopticPrisma;
}

/**
 * The shared client as a value. Every property access goes to `getPrisma()`, so importing this
 * module never connects and never reads `DATABASE_URL`; the first query does.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, prop, client);
    // Methods such as $transaction and $disconnect rely on `this` being the real client.
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/**
 * Closes the shared client's pool (tests, graceful shutdown). The next `prisma.*` call opens a new one.
 */
export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.__synopticPrisma;
  globalForPrisma.__synopticPrisma = undefined;
  await client?.$disconnect();
}
