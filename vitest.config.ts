import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Three projects: `unit` (pure core, fast, no I/O), `integration` (real PostgreSQL,
 * real servers on port 0) and `e2e` (real Next server + Debian chromium).
 */
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          globalSetup: ["tests/setup/global.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/setup/global.ts"],
          testTimeout: 90_000,
          hookTimeout: 240_000,
          // Two live browsers on a loaded 2-core machine: one retry absorbs timing noise,
          // while a real failure still fails twice and is reported.
          retry: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
