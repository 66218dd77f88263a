/**
 * Global setup of the `integration` project: one fresh, migrated database per test run
 * (see ../support/test-database.ts). The URL reaches test files twice:
 * `process.env.DATABASE_URL` (set here, before vitest forks the workers, which inherit it;
 * lib/infra/db/client.ts reads it on first query, not at import) and `inject("databaseUrl")`.
 */
import type { TestProject } from "vitest/node";

import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated test database of this run. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const previousUrl = process.env.DATABASE_URL;
  const db = await createTestDatabase("integration");
  process.env.DATABASE_URL = db.url;
  project.provide("databaseUrl", db.url);

  return async () => {
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await db.dispose();
  };
}
